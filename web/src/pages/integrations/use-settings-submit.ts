import { useState } from 'react';
import { type ApiError, asApiError } from '../../api/client.js';
import type { SummaryItem } from '../../components/error-summary.js';
import { type FieldProblems, fieldId, formProblems, problemHeadline, problemsFromError, type SettingsForm } from './settings-form.js';

export interface SettingsSubmit {
  submit: (form: SettingsForm) => Promise<void>;
  pending: boolean;
  /** Problems at fields, from the form's own checks or from the API's answer. */
  problems: FieldProblems;
  error: ApiError | undefined;
  /** What the summary above the form shows; each problem is also shown at its field. */
  summary: { message: string | undefined; items: SummaryItem[] };
  reset: () => void;
}

/** Puts focus on the first field with a problem once it has rendered (it may sit in a section that opens for it). */
function focusFirstProblem(problems: FieldProblems): void {
  const first = Object.keys(problems)[0];
  if (first) requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
}

/** Checks the form, sends it, and turns the API's refusal into problems at the fields it names. */
export function useSettingsSubmit<T>(editing: boolean, send: (form: SettingsForm) => Promise<T>, onSaved: (result: T) => void): SettingsSubmit {
  const [problems, setProblems] = useState<FieldProblems>({});
  const [error, setError] = useState<ApiError>();
  const [pending, setPending] = useState(false);

  const submit = async (form: SettingsForm) => {
    if (pending) return;
    const found = formProblems(form, editing);
    setError(undefined);
    setProblems(found);
    if (Object.keys(found).length > 0) return focusFirstProblem(found);
    setPending(true);
    try {
      onSaved(await send(form));
    } catch (reason) {
      const apiError = asApiError(reason);
      const fromApi = problemsFromError(apiError, form.kind);
      setError(apiError);
      setProblems(fromApi);
      focusFirstProblem(fromApi);
    } finally {
      setPending(false);
    }
  };

  const reset = () => {
    setProblems({});
    setError(undefined);
  };
  const summary = { message: problemHeadline(problems, error), items: Object.entries(problems).map(([key, text]) => ({ key, text })) };
  return { submit, pending, problems, error, summary, reset };
}
