import { apiUrl, type Query } from '../../api/client.js';

/** CSV and JSON downloads of what is on screen; the session cookie authenticates plain GET links. */
export function ExportLinks({ what, path, query }: { what: string; path: string; query: Query }) {
  return (
    <div className="export-links">
      <span className="muted" aria-hidden="true">
        Export
      </span>
      {(['csv', 'json'] as const).map((format) => (
        <a key={format} className="button small" href={apiUrl(path, { ...query, format })} aria-label={`Export ${what} as ${format.toUpperCase()}`} download>
          {format.toUpperCase()}
        </a>
      ))}
    </div>
  );
}
