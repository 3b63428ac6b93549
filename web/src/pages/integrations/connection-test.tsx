import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.js';
import { useMutation } from '../../api/use-api.js';
import { ErrorMessage } from '../../components/error-message.js';
import { RelativeTime } from '../../components/relative-time.js';
import type { ConnectionTest as TestResult } from './types.js';

interface ConnectionTestProps {
  integrationId: string;
  canWrite: boolean;
  /** Test as soon as the panel appears, as right after connecting. */
  testAtOnce: boolean;
}

/** Asks the PSA with the stored credentials whether it lets Rampart in, and says what it answered. */
export function ConnectionTest({ integrationId, canWrite, testAtOnce }: ConnectionTestProps) {
  const [result, setResult] = useState<{ test: TestResult; at: string }>();
  const action = useCallback(() => api.post<TestResult>(`/integrations/${integrationId}/test`), [integrationId]);
  const test = useMutation(action);
  const { run } = test;
  // A ref, not test.pending: the auto-test and a click in the same render must not both start.
  const pending = useRef(false);

  const runTest = useCallback(async () => {
    if (pending.current) return;
    pending.current = true;
    setResult(undefined);
    const answer = await run();
    pending.current = false;
    if (answer) setResult({ test: answer, at: new Date().toISOString() });
  }, [run]);

  const testedOnce = useRef(false);
  useEffect(() => {
    // Guarded so React's development double effects do not test twice.
    if (!testAtOnce || testedOnce.current) return;
    testedOnce.current = true;
    void runTest();
  }, [testAtOnce, runTest]);

  return (
    <section className="panel" aria-labelledby="connection-heading">
      <h2 id="connection-heading">Connection</h2>
      <p className="muted">Rampart signs in to the PSA with the stored credentials; nothing is imported.</p>
      {canWrite ? (
        <button type="button" className="button" onClick={() => void runTest()} aria-disabled={test.pending || undefined}>
          Test connection
        </button>
      ) : (
        <p className="muted">Your role cannot test the connection; an administrator can.</p>
      )}
      <output className="test-result">
        {test.pending && <span className="muted">Testing the connection…</span>}
        {result && <TestOutcome test={result.test} at={result.at} />}
      </output>
      <ErrorMessage error={test.error} />
    </section>
  );
}

// Spans, not paragraphs: the outcome sits inside an <output>, which holds phrasing content only.
function TestOutcome({ test, at }: { test: TestResult; at: string }) {
  return test.ok ? (
    <span className="notice">
      <span className="line">
        <strong>
          <span aria-hidden="true">✓ </span>Connected
        </strong>{' '}
        in {test.durationMs.toLocaleString('en')} ms{test.detail ? `: ${test.detail}` : '.'}
      </span>
      <span className="line muted">
        Tested <RelativeTime iso={at} />
      </span>
    </span>
  ) : (
    <span className="error-message">
      <span className="line">
        <strong>
          <span aria-hidden="true">✗ </span>Connection failed
        </strong>{' '}
        after {test.durationMs.toLocaleString('en')} ms. The PSA answered:
      </span>
      <span className="line vendor-error">{test.error ?? 'no reason given'}</span>
      <span className="line muted">Check the settings below, save them, and test again.</span>
    </span>
  );
}
