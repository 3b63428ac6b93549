import { useCallback, useRef, useState } from 'react';
import type { Page } from '../../api/client.js';
import { useApi, useMutation } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { ErrorMessage } from '../../components/error-message.js';
import { GradeBadge } from '../../components/grade-badge.js';
import { Loading } from '../../components/loading.js';
import { Pager } from '../../components/pager.js';
import { formatDate, formatDateTime } from '../../format.js';
import { removeQbrMark } from './client-actions.js';
import type { QbrMark } from './client-types.js';
import { ConfirmButton } from './confirm-button.js';
import { useReloadOn } from './use-reload-on.js';

const PAGE_SIZE = 5;

/** The client's quarterly business reviews, newest first; "since last QBR" compares with the latest. */
export function QbrReviews({ clientId, refreshToken, onChanged }: { clientId: string; refreshToken: number; onChanged: (message: string) => void }) {
  const { can } = useSession();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const marks = useApi<Page<QbrMark>>(`/clients/${clientId}/qbr-marks`, { limit: PAGE_SIZE, cursor: cursors.at(-1) });
  useReloadOn(refreshToken, marks.reload);
  const removal = useMutation(
    useCallback(
      async (markId: string) => {
        await removeQbrMark(clientId, markId);
        return true;
      },
      [clientId],
    ),
  );

  // The removed mark's row goes, and its button with it: focus moves to the list's heading instead.
  const heading = useRef<HTMLHeadingElement>(null);
  const remove = async (mark: QbrMark) => {
    if (!(await removal.run(mark.id))) return;
    heading.current?.focus();
    setCursors([null]);
    onChanged(`QBR of ${formatDate(mark.reviewedAt)} removed.`);
  };

  return (
    <section className="panel" aria-labelledby="qbr-heading">
      <h2 id="qbr-heading" ref={heading} tabIndex={-1}>
        QBR reviews
      </h2>
      <ErrorMessage error={marks.error ?? removal.error} />
      {marks.loading && !marks.data && <Loading what="QBR reviews" />}
      {marks.data && marks.data.data.length === 0 && cursors.length === 1 && (
        <p className="muted">No QBR marked yet. Mark one after each review, so the next shows how far the score moved since.</p>
      )}
      {marks.data && marks.data.data.length > 0 && (
        <ul className="qbr-list">
          {marks.data.data.map((mark) => (
            <li key={mark.id}>
              <div className="qbr-main">
                <strong title={formatDateTime(mark.reviewedAt)}>{formatDate(mark.reviewedAt)}</strong>
                <GradeBadge grade={mark.grade} score={mark.score} />
                {can('scorecards:write') && (
                  <ConfirmButton
                    label="Remove"
                    accessibleLabel={`Remove QBR of ${formatDateTime(mark.reviewedAt)}`}
                    question="Remove this QBR mark?"
                    confirmLabel="Remove"
                    pending={removal.pending}
                    onConfirm={() => void remove(mark)}
                  />
                )}
              </div>
              {mark.note && <p className="qbr-note">{mark.note}</p>}
              <p className="muted small">Marked by {mark.createdBy}</p>
            </li>
          ))}
        </ul>
      )}
      {marks.data && (cursors.length > 1 || marks.data.nextCursor) && <Pager cursors={cursors} nextCursor={marks.data.nextCursor} onChange={setCursors} label="QBR reviews" />}
    </section>
  );
}
