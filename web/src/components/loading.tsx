/** A placeholder while a section loads, announced politely. */
export function Loading({ what }: { what: string }) {
  return (
    <output className="loading" aria-busy="true">
      Loading {what}…
    </output>
  );
}
