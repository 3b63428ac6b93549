import { formatDateTime, formatRelative } from '../format.js';

/** "3 hours ago", with the exact time on hover and for assistive technology. */
export function RelativeTime({ iso, stale }: { iso: string | null | undefined; stale?: boolean }) {
  if (!iso) return <span className="muted">never</span>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)} className={stale ? 'stale' : undefined}>
      {formatRelative(iso)}
      {stale && <span className="visually-hidden"> (stale)</span>}
    </time>
  );
}
