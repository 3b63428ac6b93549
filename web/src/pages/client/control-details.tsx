import { useState } from 'react';
import { RelativeTime } from '../../components/relative-time.js';
import { formatDate, humanise } from '../../format.js';
import type { AcceptedRisk, ControlResult, FailingAsset } from './client-types.js';
import { EvidenceList } from './evidence-list.js';

const ASSETS_SHOWN = 20;

function FailingAssets({ assets }: { assets: readonly FailingAsset[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? assets : assets.slice(0, ASSETS_SHOWN);
  return (
    <>
      <table className="data compact">
        <caption className="visually-hidden">Failing assets</caption>
        <thead>
          <tr>
            <th scope="col">Asset</th>
            <th scope="col">Why it fails</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((asset) => (
            <tr key={asset.id}>
              <td>{asset.name}</td>
              <td>{asset.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {assets.length > ASSETS_SHOWN && (
        <button type="button" className="button small" onClick={() => setAll(!all)}>
          {all ? `Show the first ${ASSETS_SHOWN}` : `Show all ${assets.length} failing assets`}
        </button>
      )}
    </>
  );
}

function AcceptedRiskDetails({ risk }: { risk: AcceptedRisk }) {
  return (
    <dl className="evidence-list">
      <div>
        <dt>Accepted by</dt>
        <dd>{risk.owner}</dd>
      </div>
      <div>
        <dt>Reason</dt>
        <dd>{risk.reason}</dd>
      </div>
      {risk.compensatingControl && (
        <div>
          <dt>Compensating control</dt>
          <dd>{risk.compensatingControl}</dd>
        </div>
      )}
      <div>
        <dt>Expires</dt>
        <dd>
          {formatDate(risk.expiresAt)} (<RelativeTime iso={risk.expiresAt} />)
        </dd>
      </div>
      <div>
        <dt>Applies to</dt>
        <dd>{risk.scope === 'baseline' ? 'Every client on the baseline' : 'This client'}</dd>
      </div>
    </dl>
  );
}

/** Everything behind one control result: why it has its status and what to do about it. */
export function ControlDetails({ control, evidencePruned }: { control: ControlResult; evidencePruned: boolean }) {
  const assets = control.failingAssets ?? [];
  return (
    <div className="control-details">
      <div className="control-details-grid">
        <div>
          {control.notApplicableReason && (
            <>
              <h3 className="detail-heading">Why it does not apply</h3>
              <p>{control.notApplicableReason}</p>
            </>
          )}
          {control.exception && (
            <>
              <h3 className="detail-heading">Accepted risk</h3>
              <AcceptedRiskDetails risk={control.exception} />
            </>
          )}
          <h3 className="detail-heading">Evidence</h3>
          {control.evidence ? <EvidenceList evidence={control.evidence} /> : <p className="muted">{evidencePruned ? 'Evidence and failing assets were removed by the retention policy; the status and points stay.' : 'No evidence recorded.'}</p>}
          {assets.length > 0 && (
            <>
              <h3 className="detail-heading">Failing assets ({assets.length})</h3>
              <FailingAssets assets={assets} />
            </>
          )}
        </div>
        <div>
          {control.remediation && (
            <>
              <h3 className="detail-heading">How to fix it</h3>
              <p>{control.remediation}</p>
            </>
          )}
          <h3 className="detail-heading">Control</h3>
          <dl className="evidence-list">
            <div>
              <dt>Key</dt>
              <dd>
                <code>{control.key}</code>
              </dd>
            </div>
            <div>
              <dt>Severity</dt>
              <dd>{humanise(control.severity)}</dd>
            </div>
            <div>
              <dt>Weight</dt>
              <dd>{control.weight}</dd>
            </div>
          </dl>
        </div>
      </div>
    </div>
  );
}
