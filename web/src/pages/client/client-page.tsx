import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Client } from '../../api/domain.js';
import { useApi } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { formatDate, formatScore, humanise } from '../../format.js';
import { ActionFeedback } from './action-feedback.js';
import { ChangesSection } from './changes-section.js';
import { useReevaluation, useReportExport } from './client-actions.js';
import { ClientExceptions } from './client-exceptions.js';
import { ClientHeader } from './client-header.js';
import type { QbrMark, Scorecard } from './client-types.js';
import { ControlsSection } from './controls-section.js';
import { ExportPdfControls } from './export-pdf.js';
import { MarkQbrButton } from './mark-qbr-dialog.js';
import { QbrReviews } from './qbr-reviews.js';
import { ScoreBreakdown } from './score-breakdown.js';
import { ScorePanel } from './score-panel.js';
import { TrendPanel } from './trend-panel.js';
import { useReloadOn } from './use-reload-on.js';
import './client-page.css';

/** `/clients/:clientId`: one client's scorecard, how it got there, and what to do next. */
export function ClientPage() {
  const { clientId = '' } = useParams();
  const client = useApi<Client>(`/clients/${clientId}`);
  if (client.error) {
    return (
      <>
        <PageHeader title={client.error.status === 404 ? 'Client not found' : 'Client'} />
        <ErrorMessage error={client.error} />
        <p>
          <Link to="/portfolio">Back to the portfolio</Link>
        </p>
      </>
    );
  }
  if (!client.data || client.data.id !== clientId) {
    return (
      <>
        <PageHeader title="Client" />
        <Loading what="the client" />
      </>
    );
  }
  return <ClientView key={clientId} client={client.data} />;
}

function ClientView({ client }: { client: Client }) {
  const { can } = useSession();
  const scorecard = useApi<Scorecard>(`/clients/${client.id}/scorecard`);
  const [refreshToken, setRefreshToken] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = useCallback(() => setRefreshToken((token) => token + 1), []);
  useReloadOn(refreshToken, scorecard.reload);
  const reevaluation = useReevaluation(client.id, refresh);
  const reportExport = useReportExport(client.id);

  const announce = (text: string) => {
    setMessage(text);
    refresh();
  };
  const qbrMarked = (mark: QbrMark) => announce(`QBR of ${formatDate(mark.reviewedAt)} marked${mark.score === null ? '' : ` at a score of ${formatScore(mark.score)} (grade ${mark.grade})`}.`);
  const startEvaluation = () => {
    setMessage(null);
    void reevaluation.start();
  };

  const neverEvaluated = scorecard.error?.status === 404;
  const evaluable = client.status === 'active';
  const card = scorecard.data;

  const actions = (
    <>
      {can('evaluations:write') && !neverEvaluated && (
        <button
          type="button"
          className="button primary"
          // aria-disabled rather than disabled: a disabled button drops keyboard focus while the run goes on.
          aria-disabled={!evaluable || reevaluation.active}
          title={evaluable ? undefined : `Only active clients are evaluated; this one is ${client.status}.`}
          onClick={() => evaluable && !reevaluation.active && startEvaluation()}
        >
          Re-evaluate
        </button>
      )}
      {can('scorecards:write') && card && <MarkQbrButton clientId={client.id} onMarked={qbrMarked} />}
      {can('reports:write') && card && <ExportPdfControls pending={reportExport.pending} onExport={(template) => void reportExport.exportPdf(template)} />}
    </>
  );

  return (
    <>
      <ClientHeader client={client} freshness={card?.freshness} actions={actions} />
      {!evaluable && (
        <p className="client-note">
          {humanise(client.status)} client: only active clients are evaluated{card ? ', so this is its last evaluation before that.' : '.'}
        </p>
      )}
      <ActionFeedback reevaluation={reevaluation} reportExport={reportExport} message={message} errors={[reevaluation.error, reportExport.error]} />
      {neverEvaluated && <NotEvaluated canEvaluate={can('evaluations:write')} evaluable={evaluable} pending={reevaluation.active} onEvaluate={startEvaluation} />}
      {scorecard.error && !neverEvaluated && <ErrorMessage error={scorecard.error} />}
      {scorecard.loading && !card && !scorecard.error && <Loading what="the scorecard" />}
      {card && <ScorecardView client={client} scorecard={card} refreshToken={refreshToken} onChanged={announce} />}
    </>
  );
}

function NotEvaluated({ canEvaluate, evaluable, pending, onEvaluate }: { canEvaluate: boolean; evaluable: boolean; pending: boolean; onEvaluate: () => void }) {
  return (
    <section className="panel empty-state" aria-labelledby="not-evaluated-heading">
      <h2 id="not-evaluated-heading">Not evaluated yet</h2>
      <p>This client has no score yet: Rampart scores a client when it evaluates its evidence (facts, assets and attestations) against the controls of its baseline.</p>
      {evaluable && canEvaluate && (
        <button type="button" className="button primary" disabled={pending} onClick={onEvaluate}>
          Evaluate now
        </button>
      )}
      {evaluable && !canEvaluate && <p className="muted">It is scored in the next scheduled evaluation, or when someone who may run evaluations evaluates it.</p>}
    </section>
  );
}

function ScorecardView({ client, scorecard, refreshToken, onChanged }: { client: Client; scorecard: Scorecard; refreshToken: number; onChanged: (message: string) => void }) {
  return (
    <>
      <div className="client-grid overview">
        <ScorePanel scorecard={scorecard} />
        <div className="stack">
          <TrendPanel clientId={client.id} refreshToken={refreshToken} />
          <QbrReviews clientId={client.id} refreshToken={refreshToken} onChanged={onChanged} />
        </div>
      </div>
      <ScoreBreakdown clientId={client.id} scorecard={scorecard} />
      <ControlsSection controls={scorecard.controls} evidencePruned={scorecard.run.evidencePruned} />
      <div className="client-grid two">
        <ChangesSection clientId={client.id} scorecard={scorecard} refreshToken={refreshToken} />
        <ClientExceptions clientId={client.id} baseline={scorecard.client.baseline} baselineRisks={scorecard.exceptions.filter((risk) => risk.scope === 'baseline')} refreshToken={refreshToken} />
      </div>
    </>
  );
}
