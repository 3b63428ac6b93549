import { useState } from 'react';
import { Link } from 'react-router';
import { SeverityTag } from '../../components/severity-tag.js';
import { formatChange, formatScore } from '../../format.js';
import type { PortfolioFix } from './portfolio-types.js';

/** Enough to act on without pushing the client list off the first screen. */
const FIRST_SHOWN = 5;

/** The controls that would raise the portfolio score most if they passed everywhere. */
export function TopFixes({ fixes }: { fixes: PortfolioFix[] }) {
  const [showAll, setShowAll] = useState(false);
  if (fixes.length === 0) return <p className="muted">Nothing to fix: every scored control passes for these clients.</p>;
  const shown = showAll ? fixes : fixes.slice(0, FIRST_SHOWN);
  return (
    <>
      <div className="table-scroll">
        <table className="data top-fixes" id="top-fixes-table">
          <caption className="visually-hidden">Fixes that lift the portfolio score most, biggest lift first</caption>
          <thead>
            <tr>
              <th scope="col">Control</th>
              <th scope="col">Severity</th>
              <th scope="col" className="number">
                Clients affected
              </th>
              <th scope="col" className="number">
                Points recoverable
              </th>
              <th scope="col" className="number">
                Portfolio lift
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((fix) => (
              <FixRow key={fix.controlId} fix={fix} />
            ))}
          </tbody>
        </table>
      </div>
      {fixes.length > FIRST_SHOWN && (
        <button type="button" className="button small show-more" aria-expanded={showAll} aria-controls="top-fixes-table" onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer fixes' : `Show all ${fixes.length} fixes`}
        </button>
      )}
    </>
  );
}

function FixRow({ fix }: { fix: PortfolioFix }) {
  return (
    <tr>
      <th scope="row" className="fix-name">
        <Link to={`/controls/${fix.controlId}`}>{fix.name}</Link>
      </th>
      <td>
        <SeverityTag severity={fix.severity} />
      </td>
      <td className="number">{fix.clients}</td>
      <td className="number">{formatScore(fix.pointsRecoverable)}</td>
      <td className="number lift">{formatChange(fix.portfolioLift)}</td>
    </tr>
  );
}
