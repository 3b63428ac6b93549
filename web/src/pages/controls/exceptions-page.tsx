import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, type Page } from '../../api/client.js';
import type { Baseline, ControlException } from '../../api/domain.js';
import { useApi, useMutation } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { Pager } from '../../components/pager.js';
import { formatDate } from '../../format.js';
import { ClientPicker } from './client-picker.js';
import { ControlSelect } from './control-select.js';
import { ExceptionForm } from './exception-form.js';
import { applyFilters, type ExceptionFilters, filtersFromParams, listQuery, type StatusFilter } from './exception-rules.js';
import { ExceptionsTable } from './exceptions-table.js';
import type { Control } from './types.js';
import { useClientNames } from './use-client-names.js';
import './controls.css';

const PAGE_SIZE = 25;

/**
 * `/exceptions`: accepted risks across the portfolio, filtered by client, control and expiry.
 * `?clientId=&controlId=` opens the create form prefilled (the client and control pages link so).
 */
export function ExceptionsPage() {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const prefill = { clientId: params.get('clientId'), controlId: params.get('controlId') };
  const [creating, setCreating] = useState(false);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [status, setStatus] = useState('');
  const [revoking, setRevoking] = useState<ControlException | null>(null);
  const formOpen = can('exceptions:write') && (creating || Boolean(prefill.clientId || prefill.controlId));

  const catalog = useApi<Page<Control>>('/controls');
  const baselines = useApi<Page<Baseline>>('/baselines');
  const list = useApi<Page<ControlException>>('/exceptions', listQuery(filters, cursors.at(-1) ?? null, PAGE_SIZE));
  const exceptions = list.data?.data ?? [];
  const clientNames = useClientNames(exceptions.flatMap((exception) => (exception.clientId ? [exception.clientId] : [])));
  const revoke = useMutation(useCallback((exception: ControlException) => api.delete(`/exceptions/${exception.id}`).then(() => exception), []));

  function setFilters(changes: Partial<ExceptionFilters>) {
    setCursors([null]);
    setParams((current) => applyFilters(current, { ...filters, ...changes }), { replace: true });
  }

  function closeForm() {
    setCreating(false);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('clientId');
        next.delete('controlId');
        return next;
      },
      { replace: true },
    );
  }

  async function confirmRevoke() {
    if (!revoking) return;
    const revoked = await revoke.run(revoking);
    setRevoking(null);
    if (revoked) {
      setStatus(`Revoked the exception for ${revoked.controlName}. The control counts normally from the client’s next evaluation.`);
      list.reload();
    }
  }

  return (
    <>
      <PageHeader
        title="Exceptions"
        subtitle="Accepted risks: a failing control counts as excepted for a client until its review date."
        actions={
          can('exceptions:write') &&
          !formOpen && (
            <button type="button" className="button primary" onClick={() => setCreating(true)}>
              New exception
            </button>
          )
        }
      />
      {formOpen && (
        <ExceptionForm
          key={`${prefill.clientId ?? ''}|${prefill.controlId ?? ''}`}
          controls={catalog.data?.data ?? []}
          baselines={baselines.data?.data ?? []}
          prefill={prefill}
          onCancel={closeForm}
          onCreated={(created) => {
            closeForm();
            setCursors([null]);
            setStatus(`Created the exception for ${created.controlName}, in force until ${formatDate(created.expiresAt)}.`);
            list.reload();
          }}
        />
      )}
      <output className={status ? 'ctl-status-line notice' : 'visually-hidden'}>
        {status}
      </output>
      <ErrorMessage error={revoke.error} />

      <search className="toolbar ctl-exception-filters" aria-label="Filter exceptions">
        <ClientPicker label="Filter by client" searchLabel="Find a client to filter by" emptyLabel="All clients" value={filters.clientId} onChange={(client) => setFilters({ clientId: client?.id ?? '' })} />
        <div className="field">
          <ControlSelect id="exceptions-control-filter" label="Filter by control" controls={catalog.data?.data ?? []} value={filters.controlId} onChange={(controlId) => setFilters({ controlId })} emptyLabel="All controls" />
        </div>
        <div className="field">
          <label htmlFor="exceptions-status">Status</label>
          <select id="exceptions-status" value={filters.status} onChange={(event) => setFilters({ status: event.target.value as StatusFilter })}>
            <option value="all">In force and expired</option>
            <option value="in_force">In force</option>
            <option value="expired">Expired</option>
          </select>
        </div>
      </search>

      <ErrorMessage error={list.error} />
      {list.loading && !list.data && <Loading what="exceptions" />}
      {list.data && exceptions.length === 0 && (
        <p className="panel ctl-empty-state">{filters.clientId || filters.controlId || filters.status !== 'all' ? 'No exception matches these filters.' : 'No risk has been accepted yet. Exceptions you create appear here until they are revoked.'}</p>
      )}
      {exceptions.length > 0 && (
        <div aria-busy={list.loading}>
          <ExceptionsTable exceptions={exceptions} clientNames={clientNames} baselines={baselines.data?.data ?? []} now={new Date()} canRevoke={can('exceptions:write')} onRevoke={setRevoking} />
          <Pager cursors={cursors} nextCursor={list.data?.nextCursor ?? null} onChange={setCursors} label="Exceptions" />
        </div>
      )}
      <ConfirmDialog open={revoking !== null} title="Revoke this exception?" confirmLabel="Revoke exception" pending={revoke.pending} onConfirm={() => void confirmRevoke()} onCancel={() => setRevoking(null)}>
        {revoking && (
          <p>
            {revoking.controlName} will count as failing again for {revoking.clientId ? (clientNames.get(revoking.clientId) ?? 'the client') : 'the baseline’s clients'} if it still fails. The exception is deleted, not kept as expired.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
