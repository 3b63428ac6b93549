import { useCallback } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useApi } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { RelativeTime } from '../../components/relative-time.js';
import type { ConnectedState } from './connect-page.js';
import { ConnectionTest } from './connection-test.js';
import { DeleteIntegration } from './delete-integration.js';
import { SettingsPanel } from './settings-panel.js';
import { SettingsSummary } from './settings-summary.js';
import { SyncHistory, useSyncHistory } from './sync-history.js';
import { SyncPanel } from './sync-panel.js';
import type { Integration } from './types.js';
import { vendorLabel } from './vendors.js';

export function IntegrationPage() {
  const { integrationId = '' } = useParams();
  const { can } = useSession();
  const canWrite = can('integrations:write');
  const justConnected = (useLocation().state as ConnectedState | null)?.justConnected === true;
  const integration = useApi<Integration>(`/integrations/${integrationId}`);
  const history = useSyncHistory(integrationId);
  const { reload: reloadIntegration } = integration;
  const { refresh: refreshHistory } = history;

  const runChanged = useCallback(() => {
    refreshHistory();
    // A finished sync moves the integration's "synced through" mark.
    reloadIntegration();
  }, [refreshHistory, reloadIntegration]);

  // A malformed id is refused with 400 before any lookup; to the person it is the same missing page.
  if (integration.error?.status === 404 || integration.error?.status === 400) {
    return (
      <>
        <PageHeader title="Integration not found" />
        <p>
          It may have been deleted. <Link to="/integrations">See all integrations</Link>.
        </p>
      </>
    );
  }
  if (!integration.data) {
    return (
      <>
        <BackLink />
        <PageHeader title="Integration" />
        <ErrorMessage error={integration.error} />
        {integration.loading && <Loading what="the integration" />}
      </>
    );
  }

  const current = integration.data;
  return (
    <>
      <BackLink />
      <PageHeader title={current.name} subtitle={<IntegrationSubtitle integration={current} />} />
      {justConnected && (
        <p className="notice">
          <span aria-hidden="true">✓ </span>Saved {current.name}. Its connection is tested below; once it works, sync to import your clients.
        </p>
      )}
      <div className="grid integration-overview">
        <ConnectionTest integrationId={current.id} canWrite={canWrite} testAtOnce={justConnected && canWrite} />
        <SyncPanel integrationId={current.id} canWrite={canWrite} onRunChanged={runChanged} />
      </div>
      <SyncHistory history={history} />
      {canWrite ? <SettingsPanel integration={current} onSaved={reloadIntegration} /> : <SettingsSummary integration={current} />}
      {canWrite && <DeleteIntegration integration={current} />}
    </>
  );
}

function BackLink() {
  return (
    <p className="back-link">
      <Link to="/integrations">← Integrations</Link>
    </p>
  );
}

function IntegrationSubtitle({ integration }: { integration: Integration }) {
  const address = typeof integration.config.baseUrl === 'string' ? hostOf(integration.config.baseUrl) : null;
  return (
    <>
      {vendorLabel(integration.kind)}
      {address && <> · {address}</>} · {integration.syncedThrough ? (
        <>
          changes imported up to <RelativeTime iso={integration.syncedThrough} />
        </>
      ) : (
        'not synced yet'
      )}
    </>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
