import { type RefObject, useId, useRef } from 'react';
import type { ApiError } from '../../api/client.js';
import { describedBy, type FieldProblem, problemsFor } from '../../components/form-errors.js';
import { offsetOf } from './expression-offset.js';

/** The CEL expression: monospace, with the API's error and a way to put the caret where it is. */
export function ExpressionField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error: ApiError | undefined }) {
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const problems: FieldProblem[] = problemsFor(error, 'evaluator');
  const located = problems.find((problem) => problem.line !== undefined && problem.column !== undefined);
  const lines = value.split('\n').length;
  return (
    <div className="field ctl-expression-field">
      <label htmlFor={`${id}-expression`}>CEL expression</label>
      <textarea
        ref={textarea}
        id={`${id}-expression`}
        className="ctl-expression-input"
        rows={Math.min(Math.max(lines + 1, 6), 18)}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={'facts["m365.mfa_registered_ratio"] >= 0.95 && facts["m365.legacy_auth_blocked"]'}
        aria-invalid={problems.length > 0 || undefined}
        aria-describedby={describedBy(`${id}-hint`, problems.length > 0 && `${id}-error`)}
      />
      <p id={`${id}-hint`} className="hint">
        Yields true (pass), false (fail) or a number from 0 to 1 (partial credit). A fact that was never reported gives “no data”.
      </p>
      {problems.length > 0 && (
        <div id={`${id}-error`} className="field-error ctl-expression-error">
          {problems.map((problem) => (
            <p key={problem.message}>
              <span aria-hidden="true">! </span>
              {problem.message}
            </p>
          ))}
          {located && <GoToProblem textarea={textarea} text={value} problem={located} />}
        </div>
      )}
    </div>
  );
}

function GoToProblem({ textarea, text, problem }: { textarea: RefObject<HTMLTextAreaElement | null>; text: string; problem: FieldProblem }) {
  return (
    <button
      type="button"
      className="button small"
      onClick={() => {
        const offset = offsetOf(text, problem.line!, problem.column!);
        textarea.current?.focus();
        textarea.current?.setSelectionRange(offset, Math.min(offset + 1, text.length));
      }}
    >
      Go to line {problem.line}, column {problem.column}
    </button>
  );
}
