import { useId, useState } from 'react';
import type { Page } from '../../api/client.js';
import type { Client } from '../../api/domain.js';
import { useApi } from '../../api/use-api.js';
import { describedBy } from '../../components/form-errors.js';
import { useDebounced } from '../../components/use-debounced.js';

const MATCHES = 20;

/**
 * Choosing one client of a portfolio that may hold thousands: a name search asks the server for the
 * first matches, and a list offers them. The chosen client stays offered while the search changes.
 */
export function ClientPicker({
  label,
  searchLabel,
  value,
  onChange,
  emptyLabel,
  errorId,
  invalid,
}: {
  label: string;
  searchLabel: string;
  value: string;
  onChange: (client: Client | null) => void;
  /** The "no client" choice, when one is allowed. */
  emptyLabel?: string;
  errorId?: string;
  invalid?: boolean;
}) {
  const id = useId();
  const [search, setSearch] = useState('');
  const name = useDebounced(search.trim());
  const matches = useApi<Page<Client>>('/clients', { name, limit: MATCHES, sort: 'name' });
  const chosen = useApi<Client>(value && !matches.data?.data.some((client) => client.id === value) ? `/clients/${value}` : null);
  const listed = matches.data?.data ?? [];
  const chosenOutsideList = chosen.data && chosen.data.id === value && !listed.some((client) => client.id === value) ? [chosen.data] : [];
  const offered = [...chosenOutsideList, ...listed];
  const more = Boolean(matches.data?.nextCursor);
  const hint = matches.error
    ? `Clients could not be loaded: ${matches.error.message}`
    : matches.loading
      ? 'Searching…'
      : `${matches.data?.data.length ?? 0}${more ? '+' : ''} ${name ? `matching “${name}”` : 'clients'}${more ? '; type more of the name to narrow the list' : ''}`;

  return (
    <div className="ctl-client-picker">
      <div className="field">
        <label htmlFor={`${id}-search`}>{searchLabel}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          // The search only narrows the list; Enter must not submit a form around the picker.
          onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
          autoComplete="off"
          placeholder="Type part of a name"
          aria-describedby={`${id}-hint`}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-select`}>{label}</label>
        <select
          id={`${id}-select`}
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy(`${id}-hint`, invalid && errorId)}
          onChange={(event) => onChange(offered.find((client) => client.id === event.target.value) ?? null)}
        >
          <option value="">{emptyLabel ?? 'Choose a client…'}</option>
          {offered.map((client) => (
            <option key={client.id} value={client.id}>
              {client.name}
            </option>
          ))}
        </select>
        <p id={`${id}-hint`} className="hint" aria-live="polite">
          {hint}
        </p>
      </div>
    </div>
  );
}
