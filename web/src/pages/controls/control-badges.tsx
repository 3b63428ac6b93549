import type { Severity } from '../../api/domain.js';
import { humanise } from '../../format.js';
import type { EffectiveSettings } from './types.js';

/** Severity as a word; the colour only repeats it. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`ctl-severity ctl-severity-${severity}`}>{humanise(severity)}</span>;
}

export function KindLabel({ builtin }: { builtin: boolean }) {
  return builtin ? <span className="ctl-kind">Built-in</span> : <span className="ctl-kind ctl-kind-custom">Custom</span>;
}

/** Whether a control counts where these settings apply: enabled, disabled or not applicable. */
export function EffectiveState({ effective }: { effective: Pick<EffectiveSettings, 'enabled' | 'notApplicableReason'> }) {
  if (!effective.enabled) return <span className="ctl-state ctl-state-off"><span aria-hidden="true">✗ </span>Disabled</span>;
  if (effective.notApplicableReason !== null) return <span className="ctl-state ctl-state-na" title={effective.notApplicableReason}><span aria-hidden="true">– </span>Not applicable</span>;
  return <span className="ctl-state ctl-state-on"><span aria-hidden="true">✓ </span>Enabled</span>;
}
