import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.js';
import { useMutation } from '../../api/use-api.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorMessage } from '../../components/error-message.js';
import type { ListNotice } from './integrations-list-page.js';
import type { Integration } from './types.js';

/** Deleting stops imports; the clients already imported stay. Asked twice, in a modal dialog. */
export function DeleteIntegration({ integration }: { integration: Integration }) {
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  // The delete answers 204 with no body; `true` tells success apart from a failure's `undefined`.
  const remove = useMutation(() => api.delete(`/integrations/${integration.id}`).then(() => true));

  const confirm = async () => {
    if (await remove.run()) navigate('/integrations', { state: { deleted: integration.name } satisfies ListNotice });
  };

  return (
    <section className="panel danger-zone" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete integration</h2>
      <p>Rampart stops importing from this PSA. Clients already imported stay, with their scores and history, but are no longer updated.</p>
      <button type="button" className="button danger" onClick={() => setConfirming(true)}>
        Delete integration…
      </button>
      <ConfirmDialog open={confirming} title={`Delete ${integration.name}?`} confirmLabel="Delete" pending={remove.pending} onConfirm={() => void confirm()} onCancel={() => setConfirming(false)}>
        <p>Imported clients stay in Rampart but are no longer updated from the PSA. The stored credentials are destroyed. This cannot be undone.</p>
        <ErrorMessage error={remove.error} />
      </ConfirmDialog>
    </section>
  );
}
