import type { Severity } from '../api/domain.js';
import { humanise } from '../format.js';

/** A control's severity in words; the colour only reinforces it. */
export function SeverityTag({ severity }: { severity: Severity }) {
  return <span className={`severity severity-${severity}`}>{humanise(severity)}</span>;
}
