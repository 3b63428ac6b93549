/** The order a column is sorted in, as aria-sort names it. */
export type SortDirection = 'ascending' | 'descending';

/** A column header that sorts: a button inside, and `aria-sort` on the header cell of the column the table is sorted by. */
export function SortableHeader({ label, direction, onSort, className }: { label: string; direction: SortDirection | undefined; onSort: () => void; className?: string }) {
  return (
    <th scope="col" className={className} aria-sort={direction}>
      <button type="button" className="sort" onClick={onSort}>
        {label}
        <span aria-hidden="true" className={direction ? 'sort-arrow active' : 'sort-arrow'}>
          {direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ' ↕'}
        </span>
      </button>
    </th>
  );
}
