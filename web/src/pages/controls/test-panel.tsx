import { useId, useState } from 'react';
import { Link } from 'react-router';
import { type ApiError, api, asApiError, type Page } from '../../api/client.js';
import type { Client } from '../../api/domain.js';
import { useApi } from '../../api/use-api.js';
import { problemsFor } from '../../components/form-errors.js';
import { StatusBadge } from '../../components/status-badge.js';
import { ClientPicker } from './client-picker.js';
import { formatParamValue } from './settings-cascade.js';
import { tally, type TestOutcome, testOutcome } from './test-outcome.js';
import type { Control, Evaluator, PreviewResponse } from './types.js';

const SAMPLE_SIZE = 5;

/** The clients a test runs for: a few active ones to start with, then whichever the user picks. */
export function useTestClients() {
  const sample = useApi<Page<Client>>('/clients', { limit: SAMPLE_SIZE, status: 'active', sort: 'name' });
  const [chosen, setChosen] = useState<Client[] | null>(null);
  return { clients: chosen ?? sample.data?.data ?? [], loading: sample.loading, setClients: setChosen };
}

export type TestClients = ReturnType<typeof useTestClients>;

interface TestRow {
  client: Client;
  outcome?: TestOutcome;
  error?: ApiError;
}

interface TestRun {
  expression: string;
  rows: TestRow[];
}

/**
 * Test mode: evaluates the draft for a few clients now and saves nothing. An expression the API
 * cannot parse is handed to `onInvalid`, so the editor shows it at the expression.
 */
export function TestPanel({ draft, host, borrowed, testClients, onInvalid }: { draft: Evaluator; host: Control | undefined; borrowed: boolean; testClients: TestClients; onInvalid: (error: ApiError | undefined) => void }) {
  const id = useId();
  const { clients, setClients } = testClients;
  const [pickerValue, setPickerValue] = useState('');
  const [run, setRun] = useState<TestRun>();
  const [testing, setTesting] = useState(false);
  const expression = String(draft.params.expression ?? '');

  function addClient(client: Client | null) {
    setPickerValue('');
    if (client && !clients.some((existing) => existing.id === client.id)) setClients([...clients, client]);
  }

  async function test() {
    if (!host) return;
    setTesting(true);
    onInvalid(undefined);
    const rows = await Promise.all(
      clients.map(async (client): Promise<TestRow> => {
        try {
          const preview = await api.post<PreviewResponse>(`/controls/${encodeURIComponent(host.id)}/preview`, { evaluator: draft }, { clientId: client.id });
          return { client, outcome: testOutcome(preview.result, borrowed ? host : null) };
        } catch (error) {
          return { client, error: asApiError(error) };
        }
      }),
    );
    const invalid = rows.find((row) => row.error && problemsFor(row.error, 'evaluator').length > 0)?.error;
    onInvalid(invalid);
    setRun({ expression, rows: invalid ? [] : rows });
    setTesting(false);
  }

  const outcomes = run?.rows.flatMap((row) => (row.outcome ? [row.outcome] : [])) ?? [];
  const failures = run?.rows.filter((row) => row.error).length ?? 0;
  const announcement = testing
    ? 'Testing…'
    : run && run.rows.length > 0
      ? `Tested against ${run.rows.length} clients: ${tally(outcomes)}${failures ? `, ${failures} could not be tested` : ''}. Nothing was saved.`
      : run
        ? 'The expression has an error: see the message under it.'
        : '';

  return (
    <section className="ctl-test-panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Test mode</h3>
      <p className="hint">Evaluates the expression as it stands against real client evidence, without saving the control or any result.</p>
      <div className="ctl-test-clients">
        <p className="ctl-test-clients-label" id={`${id}-clients`}>
          Test clients
        </p>
        {clients.length === 0 ? (
          <p className="muted">{testClients.loading ? 'Loading clients…' : 'No client chosen: add one below.'}</p>
        ) : (
          <ul className="ctl-chips" aria-labelledby={`${id}-clients`}>
            {clients.map((client) => (
              <li key={client.id} className="ctl-chip">
                {client.name}
                <button type="button" className="ctl-chip-remove" aria-label={`Remove ${client.name} from the test`} onClick={() => setClients(clients.filter((existing) => existing.id !== client.id))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <ClientPicker label="Add a client to the test" searchLabel="Find a client to test" emptyLabel="Choose a client to add…" value={pickerValue} onChange={addClient} />
      </div>
      <button type="button" className="button" disabled={testing || !host || clients.length === 0 || expression.trim() === ''} onClick={() => void test()}>
        {testing ? 'Testing…' : 'Test'}
      </button>
      {expression.trim() === '' && <p className="hint">Write an expression to test it.</p>}
      <output className="ctl-status-line ctl-test-status">
        {announcement}
      </output>
      {run && run.rows.length > 0 && (
        <>
          {run.expression !== expression && <p className="ctl-notice-warning">The expression has changed since this test: test again to see its results.</p>}
          <div className="table-scroll">
            <table className="data ctl-test-results">
              <caption className="visually-hidden">Test results per client (not saved)</caption>
              <thead>
                <tr>
                  <th scope="col">Client</th>
                  <th scope="col">Result</th>
                  <th scope="col">Summary</th>
                  <th scope="col">Value</th>
                </tr>
              </thead>
              <tbody>
                {run.rows.map((row) => (
                  <tr key={row.client.id}>
                    <th scope="row">
                      <Link to={`/clients/${row.client.id}`}>{row.client.name}</Link>
                    </th>
                    <td>{row.outcome && !row.outcome.untested ? <StatusBadge status={row.outcome.status} fraction={row.outcome.fraction} /> : <span className="muted">Not tested</span>}</td>
                    <td>{row.error ? <span className="ctl-error-text">{row.error.message}</span> : (row.outcome?.untested ?? row.outcome?.summary)}</td>
                    <td>{row.outcome?.value === undefined ? <span className="muted">—</span> : <code>{formatParamValue(row.outcome.value)}</code>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
