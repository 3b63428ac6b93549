import type { Page } from '../../api/client.js';
import type { Client } from '../../api/domain.js';
import { useApi } from '../../api/use-api.js';
import { RelativeTime } from '../../components/relative-time.js';
import { formatParamValue } from './settings-cascade.js';

interface Fact {
  key: string;
  value: unknown;
  source: string;
  observedAt: string;
}

/** What an expression can read, and the facts one real client has reported, to write against. */
export function ExpressionHelp({ client }: { client: Client | undefined }) {
  return (
    <div className="ctl-expression-help">
      <h3>What the expression can read</h3>
      <dl className="ctl-variables">
        <dt>
          <code>facts["key"]</code>
        </dt>
        <dd>The latest value each tool reported, e.g. <code>facts["m365.legacy_auth_blocked"]</code>. Guard optional ones with <code>"key" in facts</code>.</dd>
        <dt>
          <code>observed["key"]</code>
        </dt>
        <dd>When that fact was observed (a timestamp), to compare with <code>now</code>.</dd>
        <dt>
          <code>assets</code>
        </dt>
        <dd>The client’s devices, each a map (kind, hostname, osName, diskEncrypted…).</dd>
        <dt>
          <code>client</code>
        </dt>
        <dd>name, status, domains, seats and baseline.</dd>
      </dl>
      {client && <ClientFacts client={client} />}
    </div>
  );
}

function ClientFacts({ client }: { client: Client }) {
  const facts = useApi<Page<Fact>>(`/clients/${client.id}/facts`, { limit: 200 });
  return (
    <details className="ctl-client-facts">
      <summary>Facts reported for {client.name}</summary>
      {facts.error && <p className="ctl-error-text">{facts.error.message}</p>}
      {facts.loading && !facts.data && <p className="muted">Loading facts…</p>}
      {facts.data && facts.data.data.length === 0 && <p className="muted">This client has reported no facts yet.</p>}
      {facts.data && facts.data.data.length > 0 && (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">Facts reported for {client.name}</caption>
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Value</th>
                <th scope="col">Observed</th>
              </tr>
            </thead>
            <tbody>
              {facts.data.data.map((fact) => (
                <tr key={`${fact.key}:${fact.source}`}>
                  <td>
                    <code>{fact.key}</code>
                  </td>
                  <td>
                    <code>{formatParamValue(fact.value)}</code>
                  </td>
                  <td>
                    <RelativeTime iso={fact.observedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {facts.data.nextCursor && <p className="hint">Showing the first {facts.data.data.length} facts.</p>}
        </div>
      )}
    </details>
  );
}
