import type { ReactNode } from 'react';
import { describedBy } from './form-errors.js';

/** What a field's control needs to be tied to its label, hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A labelled control with its hint and its error under it, both referenced by the control's
 * aria-describedby so a screen reader reads them with the field. `children` renders the control
 * (input, select or textarea) from the props it is given.
 */
export function FormField({
  id,
  label,
  marker,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  /** Said after the label in brackets, such as "optional". */
  marker?: string;
  hint?: ReactNode;
  error: string | undefined;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>
        {label}
        {marker && <span className="optional"> ({marker})</span>}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(Boolean(hint) && hintId, Boolean(error) && errorId) })}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

/** A field's own error, placed under it; the control points at `id` with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true">! </span>
      {message}
    </p>
  );
}
