import { Link } from 'react-router';
import { GradeBadge } from '../../components/grade-badge.js';
import { SeverityTag } from '../../components/severity-tag.js';
import { formatScore, humanise } from '../../format.js';
import { CELL_LOOKS, cellLabel, cellStatus, groupByCategory } from './heatmap-cells.js';
import type { Heatmap, HeatmapRow } from './portfolio-types.js';

/**
 * Controls down the side (grouped by category) and clients across the top: the catalog is long and
 * stable while the clients are paged, so this reads best on a laptop screen. The headers stick while
 * the grid scrolls inside its own box.
 */
export function HeatmapTable({ heatmap, busy }: { heatmap: Heatmap; busy: boolean }) {
  const clients = heatmap.data;
  return (
    <div className="heatmap-scroll">
      <table className="heatmap" aria-busy={busy}>
        <caption className="visually-hidden">Heat map: each control's result for each client on this page</caption>
        <thead>
          <tr>
            <th scope="col" className="heatmap-corner">
              Control
            </th>
            {clients.map((client) => (
              <ClientHeader key={client.clientId} client={client} />
            ))}
          </tr>
        </thead>
        {groupByCategory(heatmap.controls).map((group) => (
          <tbody key={group.category}>
            <tr className="heatmap-category">
              <th scope="rowgroup" colSpan={clients.length + 1}>
                <span>{humanise(group.category)}</span>
              </th>
            </tr>
            {group.controls.map(({ control, index }) => (
              <tr key={control.controlId}>
                <th scope="row" className="heatmap-control">
                  <div>
                    <Link to={`/controls/${control.controlId}`} title={control.name}>
                      {control.name}
                    </Link>
                    <SeverityTag severity={control.severity} />
                  </div>
                </th>
                {clients.map((client) => (
                  <HeatCell key={client.clientId} clientName={client.name} controlName={control.name} status={client.statuses[index]} />
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function ClientHeader({ client }: { client: HeatmapRow }) {
  return (
    <th scope="col" className="heatmap-client">
      <Link to={`/clients/${client.clientId}`} title={`${client.name}: ${formatScore(client.score)}`}>
        <span className="heatmap-client-name">{client.name}</span>
      </Link>
      {client.grade ? (
        <GradeBadge grade={client.grade} />
      ) : (
        <span className="muted" title="Not scored">
          <span aria-hidden="true">–</span>
          <span className="visually-hidden">Not scored</span>
        </span>
      )}
    </th>
  );
}

function HeatCell({ clientName, controlName, status }: { clientName: string; controlName: string; status: string | null | undefined }) {
  const kind = cellStatus(status);
  const label = cellLabel(clientName, controlName, status);
  return (
    <td className={`heat-cell heat-${kind}`} title={label}>
      <span aria-hidden="true">{CELL_LOOKS[kind].symbol}</span>
      <span className="visually-hidden">{label}</span>
    </td>
  );
}
