import type { ReactNode } from 'react';
import type { Client, Freshness } from '../../api/domain.js';
import { PageHeader } from '../../components/page-header.js';
import { RelativeTime } from '../../components/relative-time.js';
import { humanise } from '../../format.js';

function Freshness({ freshness }: { freshness: Freshness }) {
  return (
    <>
      {' · '}Evaluated <RelativeTime iso={freshness.evaluatedAt} stale={freshness.stale} />
      {' · '}
      {freshness.evidenceAt ? (
        <>
          newest evidence <RelativeTime iso={freshness.evidenceAt} />
        </>
      ) : (
        'no evidence yet'
      )}
      {freshness.stale && (
        <span className="stale-tag" title="Not evaluated in the last 48 hours, or no evidence newer than 7 days">
          Stale
        </span>
      )}
    </>
  );
}

/** The client's name as the page title, what it is on, how fresh its score is, and the page's actions. */
export function ClientHeader({ client, freshness, actions }: { client: Client; freshness: Freshness | undefined; actions: ReactNode }) {
  const subtitle = (
    <>
      {client.baseline ? `${client.baseline} baseline` : 'No baseline'}
      {client.status !== 'active' && ` · ${humanise(client.status)}`}
      {client.seats !== null && ` · ${client.seats} seats`}
      {freshness && <Freshness freshness={freshness} />}
    </>
  );
  return <PageHeader title={client.name} subtitle={subtitle} actions={actions} />;
}
