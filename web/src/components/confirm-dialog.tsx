import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * A modal question before something that cannot be undone. The native dialog keeps focus inside,
 * closes on Escape and gives focus back to what opened it. It opens with focus on Cancel, so Enter
 * on a dialog opened by mistake changes nothing.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pending,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      cancel.current?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby={titleId} aria-describedby={`${titleId}-body`} onCancel={onCancel}>
      <h2 id={titleId}>{title}</h2>
      <div id={`${titleId}-body`} className="confirm-dialog-body">
        {children}
      </div>
      <div className="confirm-dialog-actions">
        <button ref={cancel} type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button danger" disabled={pending} onClick={onConfirm}>
          {pending ? 'Working…' : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
