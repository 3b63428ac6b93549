import { useCallback, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.js';
import { useApi, useMutation } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { humanise } from '../../format.js';
import { ControlAbout, ControlParameters, FrameworkMappings } from './control-about.js';
import { KindLabel, SeverityBadge } from './control-badges.js';
import { SettingsSection } from './settings-section.js';
import type { Control } from './types.js';

/** `/controls/:controlId` (an id or a key): what the control checks, where it maps, and its settings. */
export function ControlDetailPage() {
  const { controlId = '' } = useParams();
  const control = useApi<Control>(`/controls/${encodeURIComponent(controlId)}`);

  if (control.error && !control.data) {
    return (
      <>
        <PageHeader title="Control" />
        <ErrorMessage error={control.error} />
        <p>
          <Link to="/controls">Back to the catalog</Link>
        </p>
      </>
    );
  }
  if (!control.data) return <Loading what="control" />;
  return <ControlDetail control={control.data} />;
}

function ControlDetail({ control }: { control: Control }) {
  const { can } = useSession();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return (
    <>
      <p className="ctl-breadcrumb">
        <Link to="/controls">Controls</Link> <span aria-hidden="true">›</span> {humanise(control.category)}
      </p>
      <PageHeader
        title={control.name}
        subtitle={
          <span className="ctl-control-meta">
            <code>{control.key}</code> · <SeverityBadge severity={control.severity} /> · <KindLabel builtin={control.builtin} /> · {humanise(control.category)}
          </span>
        }
        actions={
          <>
            {can('exceptions:write') && (
              <Link className="button" to={`/exceptions?controlId=${encodeURIComponent(control.key)}`}>
                Accept a risk…
              </Link>
            )}
            {!control.builtin && can('controls:write') && (
              <>
                <Link className="button" to={`/controls/${encodeURIComponent(control.key)}/edit`}>
                  Edit control
                </Link>
                <DeleteControlButton control={control} />
              </>
            )}
          </>
        }
      />
      {notice && (
        <output className="ctl-status-line notice">
          {notice}
        </output>
      )}
      <div className="ctl-detail-grid">
        <ControlAbout control={control} />
        <div>
          <ControlParameters control={control} />
          <FrameworkMappings control={control} />
        </div>
      </div>
      <SettingsSection control={control} />
    </>
  );
}

function DeleteControlButton({ control }: { control: Control }) {
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(useCallback(() => api.delete(`/controls/${encodeURIComponent(control.id)}`).then(() => true), [control.id]));
  async function confirm() {
    if (await remove.run()) navigate('/controls', { replace: true });
  }
  return (
    <>
      <button type="button" className="button danger" onClick={() => setConfirming(true)}>
        Delete control
      </button>
      <ConfirmDialog open={confirming} title={`Delete ${control.name}?`} confirmLabel="Delete permanently" pending={remove.pending} onConfirm={() => void confirm()} onCancel={() => setConfirming(false)}>
        <p>Clients stop being scored on it from their next evaluation; its settings and exceptions go with it. This cannot be undone.</p>
        <ErrorMessage error={remove.error} />
      </ConfirmDialog>
    </>
  );
}
