import type { PresentedValue } from './settings-cascade.js';

/** Longer than this, a value (a list of conditions, say) reads better in plain monospace than in bold. */
const LONG_VALUE = 40;

/** A value and, beside it, where it came from; the words carry the source, the colour repeats it. */
export function SettingValue({ value }: { value: PresentedValue }) {
  return (
    <span className="ctl-setting-value">
      <span className={value.text.length > LONG_VALUE ? 'ctl-value-text ctl-value-long' : 'ctl-value-text'}>{value.text}</span> <span className={`ctl-source ctl-source-${value.source}${value.own ? ' ctl-source-own' : ''}`}>{value.sourceLabel}</span>
    </span>
  );
}
