import { Link } from 'react-router';
import type { Baseline, ControlException } from '../../api/domain.js';
import { RelativeTime } from '../../components/relative-time.js';
import { formatDate } from '../../format.js';
import { EXPIRY_LABELS, type ExpiryState, expiryState } from './exception-rules.js';

const EXPIRY_SYMBOLS: Record<ExpiryState, string> = { expired: '✗', expiring_soon: '⚠', in_force: '✓' };

function ExpiryBadge({ state }: { state: ExpiryState }) {
  return (
    <span className={`ctl-expiry ctl-expiry-${state}`}>
      <span aria-hidden="true">{EXPIRY_SYMBOLS[state]} </span>
      {EXPIRY_LABELS[state]}
    </span>
  );
}

/** One page of accepted risks, with who accepted them, why, and when they lapse. */
export function ExceptionsTable({
  exceptions,
  clientNames,
  baselines,
  now,
  canRevoke,
  onRevoke,
}: {
  exceptions: readonly ControlException[];
  clientNames: Map<string, string>;
  baselines: readonly Baseline[];
  now: Date;
  canRevoke: boolean;
  onRevoke: (exception: ControlException) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="data ctl-exceptions-table">
        <caption className="visually-hidden">Exceptions (accepted risks)</caption>
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Control</th>
            <th scope="col">Owner</th>
            <th scope="col">Reason</th>
            <th scope="col">Expires</th>
            <th scope="col">Status</th>
            {canRevoke && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {exceptions.map((exception) => {
            const state = expiryState(exception.expiresAt, now);
            const baseline = baselines.find((candidate) => candidate.id === exception.baselineId);
            const clientName = exception.clientId ? (clientNames.get(exception.clientId) ?? 'Loading…') : `Every client on baseline ${baseline?.name ?? '(deleted)'}`;
            return (
              <tr key={exception.id} className={state === 'expired' ? 'ctl-row-expired' : undefined}>
                <th scope="row">{exception.clientId ? <Link to={`/clients/${exception.clientId}`}>{clientName}</Link> : clientName}</th>
                <td>
                  <Link to={`/controls/${encodeURIComponent(exception.controlKey)}`}>{exception.controlName}</Link>
                  <div className="muted ctl-control-key">
                    <code>{exception.controlKey}</code>
                  </div>
                </td>
                <td>
                  {exception.owner}
                  <div className="muted ctl-small-text">
                    Recorded by {exception.createdBy}, {formatDate(exception.createdAt)}
                  </div>
                </td>
                <td className="ctl-reason-cell">
                  {exception.reason}
                  {exception.compensatingControl && <div className="muted ctl-small-text">Compensating control: {exception.compensatingControl}</div>}
                </td>
                <td>
                  {formatDate(exception.expiresAt)}
                  <div className="muted ctl-small-text">
                    <RelativeTime iso={exception.expiresAt} />
                  </div>
                </td>
                <td>
                  <ExpiryBadge state={state} />
                </td>
                {canRevoke && (
                  <td>
                    <button type="button" className="button small danger" aria-label={`Revoke the exception for ${exception.controlName} (${clientName})`} onClick={() => onRevoke(exception)}>
                      Revoke
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
