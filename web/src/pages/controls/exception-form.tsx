import { type FormEvent, useCallback, useId, useState } from 'react';
import { ApiError, api } from '../../api/client.js';
import type { Baseline, ControlException } from '../../api/domain.js';
import { useMutation } from '../../api/use-api.js';
import { ErrorMessage } from '../../components/error-message.js';
import { describedBy, fieldMessage } from '../../components/form-errors.js';
import { FieldError, FormField } from '../../components/form-field.js';
import { ClientPicker } from './client-picker.js';
import { ControlSelect } from './control-select.js';
import { DEFAULT_EXPIRY_DAYS, addDays, dateInputValue, type ExceptionBody, type ExceptionFormValues, exceptionBody, missingChoices, newExceptionForm } from './exception-rules.js';
import type { Control } from './types.js';

const SHOWN_FIELDS = ['controlId', 'clientId', 'baselineId', 'owner', 'reason', 'compensatingControl', 'expiresAt'];

/** Accepting a risk: which control, for which client (or baseline), who accepted it, why, and until when. */
export function ExceptionForm({
  controls,
  baselines,
  prefill,
  onCreated,
  onCancel,
}: {
  controls: readonly Control[];
  baselines: readonly Baseline[];
  prefill: { clientId: string | null; controlId: string | null };
  onCreated: (created: ControlException) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [values, setValues] = useState<ExceptionFormValues>(() => newExceptionForm(new Date(), prefill));
  const create = useMutation(useCallback((body: ExceptionBody) => api.post<ControlException>('/exceptions', body), []));
  const set = (changes: Partial<ExceptionFormValues>) => setValues((current) => ({ ...current, ...changes }));
  const [localError, setLocalError] = useState<ApiError>();
  const error = localError ?? create.error;
  const today = new Date();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = missingChoices(values);
    setLocalError(missing.length > 0 ? new ApiError(400, 'Some details are missing: see the fields marked below', missing) : undefined);
    if (missing.length > 0) return;
    const created = await create.run(exceptionBody(values));
    if (created) onCreated(created);
  }

  const problem = (field: string) => fieldMessage(error, field);
  const errorId = (field: string) => `${id}-${field}-error`;

  return (
    <form className="panel ctl-exception-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>New exception</h2>
      <p className="muted">While in force, the control counts as “excepted” instead of failing for the client. It lapses on the expiry date, so the risk is reviewed again.</p>
      <ErrorMessage error={error} shownFields={SHOWN_FIELDS} />
      <div className="ctl-exception-grid">
        <div className="field ctl-span-2">
          <ControlSelect
            id={`${id}-control`}
            label="Control"
            controls={controls}
            value={values.controlId}
            onChange={(controlId) => set({ controlId })}
            emptyLabel="Choose a control…"
            invalid={Boolean(problem('controlId'))}
            describedBy={describedBy(problem('controlId') && errorId('controlId'))}
          />
          <FieldError id={errorId('controlId')} message={problem('controlId')} />
        </div>
        <fieldset className="ctl-applies-to">
          <legend>Applies to</legend>
          <label className="ctl-inline-choice">
            <input type="radio" name={`${id}-applies`} checked={values.appliesTo === 'client'} onChange={() => set({ appliesTo: 'client' })} /> One client
          </label>
          <label className="ctl-inline-choice">
            <input type="radio" name={`${id}-applies`} checked={values.appliesTo === 'baseline'} onChange={() => set({ appliesTo: 'baseline' })} /> Every client on a baseline
          </label>
        </fieldset>
        <FormField id={`${id}-expires`} label="Expires on" hint={`At the end of that day. ${DEFAULT_EXPIRY_DAYS} days by default; at most 3 years ahead.`} error={problem('expiresAt')}>
          {(fieldProps) => (
            <input
              {...fieldProps}
              type="date"
              value={values.expiresOn}
              min={dateInputValue(today)}
              max={dateInputValue(addDays(today, 3 * 365))}
              onChange={(event) => set({ expiresOn: event.target.value })}
            />
          )}
        </FormField>
        {values.appliesTo === 'client' ? (
          <div className="ctl-span-2">
            <ClientPicker label="Client" searchLabel="Find the client" value={values.clientId} onChange={(client) => set({ clientId: client?.id ?? '' })} invalid={Boolean(problem('clientId'))} errorId={errorId('clientId')} />
            <FieldError id={errorId('clientId')} message={problem('clientId')} />
          </div>
        ) : (
          <FormField id={`${id}-baseline`} label="Baseline" error={problem('baselineId')} className="ctl-span-2">
            {(fieldProps) => (
              <select {...fieldProps} value={values.baselineId} onChange={(event) => set({ baselineId: event.target.value })}>
                <option value="">Choose a baseline…</option>
                {baselines.map((baseline) => (
                  <option key={baseline.id} value={baseline.id}>
                    {baseline.name} ({baseline.clientCount} clients)
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        <FormField id={`${id}-owner`} label="Risk owner" hint="Who accepted the risk on the client’s side." error={problem('owner')} className="ctl-span-2">
          {(fieldProps) => <input {...fieldProps} value={values.owner} maxLength={200} placeholder="Dana Whitfield (managing partner)" onChange={(event) => set({ owner: event.target.value })} />}
        </FormField>
        <FormField id={`${id}-reason`} label="Reason" error={problem('reason')} className="ctl-wide-field">
          {(fieldProps) => (
            <textarea
              {...fieldProps}
              className="ctl-prose-input"
              rows={3}
              value={values.reason}
              placeholder="Legacy lab PC must stay on Windows 10 until the analyser vendor certifies Windows 11."
              onChange={(event) => set({ reason: event.target.value })}
            />
          )}
        </FormField>
        <FormField id={`${id}-compensating`} label="Compensating control (optional)" error={problem('compensatingControl')} className="ctl-wide-field">
          {(fieldProps) => (
            <textarea
              {...fieldProps}
              className="ctl-prose-input"
              rows={2}
              value={values.compensatingControl}
              placeholder="The PC is on an isolated VLAN without internet access."
              onChange={(event) => set({ compensatingControl: event.target.value })}
            />
          )}
        </FormField>
      </div>
      <div className="ctl-form-actions">
        <button type="submit" className="button primary" disabled={create.pending}>
          {create.pending ? 'Creating…' : 'Create exception'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
