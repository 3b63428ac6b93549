import { type FormEvent, useCallback, useRef, useState } from 'react';
import { useMutation } from '../../api/use-api.js';
import { ErrorMessage } from '../../components/error-message.js';
import { type QbrMarkRequest, markQbr } from './client-actions.js';
import type { QbrMark } from './client-types.js';

/** `2026-11-23T14:05` in the viewer's time zone, as a datetime-local input wants it. */
function localMinute(date: Date): string {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/**
 * "Mark QBR" and the dialog it opens: when the review took place (now by default) and a note.
 * The API compares "since last QBR" with the latest evaluation at or before that time.
 */
export function MarkQbrButton({ clientId, onMarked }: { clientId: string; onMarked: (mark: QbrMark) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [opened, setOpened] = useState('');
  const [reviewedAt, setReviewedAt] = useState('');
  const [note, setNote] = useState('');
  const mark = useMutation(useCallback((request: QbrMarkRequest) => markQbr(clientId, request), [clientId]));
  const { clearError } = mark;

  const open = () => {
    const now = localMinute(new Date());
    setOpened(now);
    setReviewedAt(now);
    setNote('');
    clearError();
    dialog.current?.showModal();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Left at the minute the dialog opened means "now": the server's clock decides, so a browser
    // clock a little ahead cannot put the review in the future.
    const request: QbrMarkRequest = {
      reviewedAt: reviewedAt && reviewedAt !== opened ? new Date(reviewedAt).toISOString() : undefined,
      note: note.trim() || undefined,
    };
    const made = await mark.run(request);
    if (!made) return;
    dialog.current?.close();
    onMarked(made);
  };

  return (
    <>
      <button type="button" className="button" onClick={open}>
        Mark QBR
      </button>
      <dialog ref={dialog} className="client-dialog" aria-labelledby="qbr-dialog-title">
        <form onSubmit={(event) => void submit(event)}>
          <h2 id="qbr-dialog-title">Mark a QBR</h2>
          <p className="muted">Record that a quarterly business review took place. From then on, “since last QBR” shows how far the score has moved since the score this review looked at.</p>
          <div className="field">
            <label htmlFor="qbr-reviewed-at">When the review took place</label>
            <input id="qbr-reviewed-at" type="datetime-local" value={reviewedAt} max={opened} required onChange={(event) => setReviewedAt(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="qbr-note">Note (optional)</label>
            <textarea id="qbr-note" className="plain-textarea" rows={3} maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />
            <p className="hint">What was agreed, e.g. “Owner agreed to roll out MFA by December.”</p>
          </div>
          <ErrorMessage error={mark.error} />
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="button primary" disabled={mark.pending}>
              {mark.pending ? 'Saving…' : 'Save QBR mark'}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
