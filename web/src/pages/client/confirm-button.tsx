import { useEffect, useRef, useState } from 'react';

/**
 * A destructive action that asks first, in place: the button becomes a question with the real
 * action and Cancel, and focus moves to the question so keyboard users hear it.
 */
export function ConfirmButton({ label, accessibleLabel, question, confirmLabel, pending, onConfirm }: {
  label: string;
  accessibleLabel: string;
  question: string;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) askRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button ref={askRef} type="button" className="button small danger" aria-label={accessibleLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <fieldset className="confirm">
      <legend>{question}</legend>
      <button ref={confirmRef} type="button" className="button small danger" disabled={pending} onClick={onConfirm}>
        {pending ? `${confirmLabel}…` : confirmLabel}
      </button>
      <button type="button" className="button small" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </fieldset>
  );
}
