import { type FormEvent, useCallback, useId, useState } from 'react';
import { ApiError, api } from '../../api/client.js';
import { useMutation } from '../../api/use-api.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorMessage } from '../../components/error-message.js';
import { fieldMessage } from '../../components/form-errors.js';
import { FormField } from '../../components/form-field.js';
import { type CascadeScope, paramLabel, presentSettings } from './settings-cascade.js';
import { bodyFromForm, formFromOverride, paramInputText, type ParamInputKind, type SettingsBody, type SettingsFormValues, settingsPath, setsNothing } from './settings-form.js';
import type { Control, ControlSetting, EffectiveSettings, SettingTarget } from './types.js';

interface SettingsFormProps {
  control: Control;
  target: SettingTarget;
  targetLabel: string;
  override: ControlSetting | undefined;
  /** What this level takes when it sets nothing. */
  inherited: { effective: EffectiveSettings; scope: CascadeScope };
  kinds: Record<string, ParamInputKind>;
  onChanged: (message: string) => void;
}

/** The override at one level: save it whole (PUT), or remove it so the level inherits again (DELETE). */
export function SettingsForm({ control, target, targetLabel, override, inherited, kinds, onChanged }: SettingsFormProps) {
  const id = useId();
  const [values, setValues] = useState<SettingsFormValues>(() => formFromOverride(override, kinds));
  const [confirmingReset, setConfirmingReset] = useState(false);
  const [localError, setLocalError] = useState<ApiError>();
  const names = Object.keys(values.params);
  const above = presentSettings(inherited.effective, inherited.scope, names);
  const save = useMutation(useCallback((body: SettingsBody) => api.put(`/controls/${encodeURIComponent(control.id)}/settings`, body), [control.id]));
  const reset = useMutation(useCallback(() => api.delete(settingsPath(control.id, target)).then(() => true), [control.id, target]));
  const error = localError ?? save.error;
  const set = (changes: Partial<SettingsFormValues>) => setValues((current) => ({ ...current, ...changes }));
  const setParam = (name: string, value: string) => setValues((current) => ({ ...current, params: { ...current.params, [name]: value } }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    save.clearError();
    const result = bodyFromForm(values, target, kinds);
    if ('problems' in result) {
      setLocalError(new ApiError(400, 'Some values cannot be saved as typed: check the fields marked below', result.problems));
      return;
    }
    setLocalError(undefined);
    if (setsNothing(result.body)) {
      // An override that sets nothing is no override: remove it rather than store an empty one.
      if (override) await removeOverride();
      else setLocalError(new ApiError(400, `Nothing to save: every value of ${targetLabel} is set to inherit`));
      return;
    }
    if ((await save.run(result.body)) !== undefined) onChanged(`Saved the settings of ${targetLabel}.`);
  }

  async function removeOverride() {
    const removed = await reset.run();
    setConfirmingReset(false);
    if (removed) onChanged(`Removed the override: ${targetLabel} inherits every setting again.`);
  }

  const shownFields = ['enabled', 'weight', 'notApplicable', 'notApplicableReason', ...names.map((name) => `params.${name}`)];

  return (
    <form className="ctl-settings-form" noValidate onSubmit={(event) => void submit(event)} aria-label={`Settings of ${targetLabel}`}>
      <ErrorMessage error={error} shownFields={shownFields} />
      <ErrorAfterReset error={reset.error} />
      <div className="ctl-settings-fields">
        <FormField id={`${id}-enabled`} label="Enabled" error={fieldMessage(error, 'enabled')}>
          {(fieldProps) => (
            <select {...fieldProps} value={values.enabled} onChange={(event) => set({ enabled: event.target.value as SettingsFormValues['enabled'] })}>
              <option value="inherit">
                Inherit: {above.enabled.text} ({above.enabled.sourceLabel})
              </option>
              <option value="on">Enabled</option>
              <option value="off">Disabled</option>
            </select>
          )}
        </FormField>
        <FormField
          id={`${id}-weight`}
          label="Weight"
          hint={`0 to 10, multiplies the severity points (0 keeps the control visible but out of the score). Empty inherits ${above.weight.text} (${above.weight.sourceLabel}).`}
          error={fieldMessage(error, 'weight')}
        >
          {(fieldProps) => (
            <input
              {...fieldProps}
              type="number"
              inputMode="decimal"
              min={0}
              max={10}
              step="any"
              className="ctl-weight-input"
              value={values.weight}
              placeholder={above.weight.text}
              onChange={(event) => set({ weight: event.target.value })}
            />
          )}
        </FormField>
        <FormField id={`${id}-applicability`} label="Applicability" error={fieldMessage(error, 'notApplicable')}>
          {(fieldProps) => (
            <select {...fieldProps} value={values.applicability} onChange={(event) => set({ applicability: event.target.value as SettingsFormValues['applicability'] })}>
              <option value="inherit">
                Inherit: {above.applicability.text} ({above.applicability.sourceLabel})
              </option>
              <option value="applies">Applies</option>
              <option value="not_applicable">Not applicable</option>
            </select>
          )}
        </FormField>
        {values.applicability === 'not_applicable' && (
          <FormField id={`${id}-reason`} label="Reason it does not apply" hint="Required; it shows on the client’s scorecard and reports." error={fieldMessage(error, 'notApplicableReason')} className="ctl-reason-field">
            {(fieldProps) => (
              <textarea
                {...fieldProps}
                className="ctl-prose-input"
                rows={2}
                maxLength={500}
                value={values.notApplicableReason}
                placeholder="No servers: everything is in Microsoft 365."
                onChange={(event) => set({ notApplicableReason: event.target.value })}
              />
            )}
          </FormField>
        )}
      </div>
      {names.length > 0 && (
        <fieldset className="ctl-param-fields">
          <legend>Parameters</legend>
          <p className="hint">Empty fields inherit the value shown under them.</p>
          <div className="ctl-settings-fields">
            {above.params.map((param) => (
              <ParamField
                key={param.name}
                id={`${id}-param-${param.name}`}
                name={param.name}
                kind={kinds[param.name] ?? 'any'}
                value={values.params[param.name] ?? ''}
                inheritedText={`${param.text} (${param.sourceLabel})`}
                placeholder={paramInputText(inherited.effective.params[param.name], kinds[param.name] ?? 'any').replace(/\s*\n\s*/g, ' ')}
                error={fieldMessage(error, `params.${param.name}`)}
                onChange={(value) => setParam(param.name, value)}
              />
            ))}
          </div>
        </fieldset>
      )}
      <div className="ctl-form-actions">
        <button type="submit" className="button primary" disabled={save.pending}>
          {save.pending ? 'Saving…' : 'Save settings'}
        </button>
        {override && (
          <button type="button" className="button danger" onClick={() => setConfirmingReset(true)}>
            Reset to inherited
          </button>
        )}
      </div>
      <ConfirmDialog open={confirmingReset} title={`Reset ${targetLabel} to inherited?`} confirmLabel="Remove override" pending={reset.pending} onConfirm={() => void removeOverride()} onCancel={() => setConfirmingReset(false)}>
        <p>
          This removes every value {targetLabel} sets for {control.name}; it then takes the settings of the level above. Scores change at the next evaluation.
        </p>
      </ConfirmDialog>
    </form>
  );
}

function ErrorAfterReset({ error }: { error: ApiError | undefined }) {
  if (!error) return null;
  return (
    <div role="alert" className="error-message">
      <p>The override could not be removed: {error.message}</p>
    </div>
  );
}

/** One parameter, typed by its default: a number, yes/no, text, or JSON for lists and structures. */
function ParamField({
  id,
  name,
  kind,
  value,
  inheritedText,
  placeholder,
  error,
  onChange,
}: {
  id: string;
  name: string;
  kind: ParamInputKind;
  value: string;
  inheritedText: string;
  /** The inherited value as it would be typed, so the expected format shows. */
  placeholder: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const hint = (
    <>
      <code>{name}</code> · empty inherits {inheritedText}
    </>
  );
  return (
    <FormField id={id} label={paramLabel(name)} hint={hint} error={error} className={kind === 'json' ? 'ctl-param-json' : undefined}>
      {(fieldProps) => (
        <>
          {kind === 'boolean' && (
            <select {...fieldProps} value={value} onChange={(event) => onChange(event.target.value)}>
              <option value="">Inherit</option>
              <option value="true">Yes</option>
              <option value="false">No</option>
            </select>
          )}
          {kind === 'number' && <input {...fieldProps} value={value} placeholder={placeholder} type="number" inputMode="decimal" step="any" onChange={(event) => onChange(event.target.value)} />}
          {(kind === 'text' || kind === 'any') && <input {...fieldProps} value={value} placeholder={placeholder} type="text" autoComplete="off" spellCheck={false} onChange={(event) => onChange(event.target.value)} />}
          {kind === 'json' && <textarea {...fieldProps} value={value} placeholder={placeholder} rows={3} spellCheck={false} onChange={(event) => onChange(event.target.value)} />}
        </>
      )}
    </FormField>
  );
}
