/**
 * Forward and back through a cursor-paged list. The API's cursors only go forward, so the pages
 * already seen are kept as a stack of cursors.
 */
export function Pager({ cursors, nextCursor, onChange, label }: { cursors: (string | null)[]; nextCursor: string | null; onChange: (cursors: (string | null)[]) => void; label: string }) {
  const page = cursors.length;
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <button type="button" className="button" disabled={page <= 1} onClick={() => onChange(cursors.slice(0, -1))}>
        ← Previous
      </button>
      <span aria-live="polite">Page {page}</span>
      <button type="button" className="button" disabled={!nextCursor} onClick={() => onChange([...cursors, nextCursor])}>
        Next →
      </button>
    </nav>
  );
}
