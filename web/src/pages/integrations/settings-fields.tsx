import type { InputHTMLAttributes } from 'react';
import { FormField } from '../../components/form-field.js';
import { FieldMappingEditor } from './field-mapping-editor.js';
import { type FieldProblems, fieldId, type SettingsForm } from './settings-form.js';
import { fieldKey, type SettingField, VENDORS } from './vendors.js';

interface SettingsFieldsProps {
  form: SettingsForm;
  onChange: (form: SettingsForm) => void;
  problems: FieldProblems;
  /** Editing a stored integration: its credentials are kept unless retyped. */
  editing: boolean;
}

const INPUT_TYPES: Record<SettingField['input'], string> = { url: 'url', text: 'text', email: 'email', password: 'password', integer: 'text' };

interface TextSettingProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> {
  fieldKey: string;
  label: string;
  hint?: string;
  problem?: string;
  /** Said after the label in brackets, such as "optional"; a setting with a marker is not required. */
  marker?: string;
  value: string;
  onChange: (value: string) => void;
}

/** One typed setting, with the id its problems focus (see `fieldId`). */
function TextSetting({ fieldKey: key, label, hint, problem, marker, value, onChange, ...input }: TextSettingProps) {
  return (
    <FormField id={fieldId(key)} label={label} marker={marker} hint={hint} error={problem}>
      {(fieldProps) => <input {...input} {...fieldProps} value={value} onChange={(event) => onChange(event.target.value)} aria-required={marker ? undefined : true} spellCheck={false} />}
    </FormField>
  );
}

/** Every setting of one vendor's integration: name, connection, credentials, which companies count, asset field mapping. */
export function SettingsFields({ form, onChange, problems, editing }: SettingsFieldsProps) {
  const vendor = VENDORS[form.kind];
  const setValue = (key: string, value: string) => onChange({ ...form, values: { ...form.values, [key]: value } });

  const renderField = (field: SettingField) => {
    const key = fieldKey(field);
    const secret = field.part === 'credentials';
    return (
      <TextSetting
        key={key}
        fieldKey={key}
        label={field.label}
        hint={field.hint}
        problem={problems[key]}
        marker={!field.required ? 'optional' : editing && secret ? 'leave blank to keep' : undefined}
        type={INPUT_TYPES[field.input]}
        inputMode={field.input === 'integer' ? 'numeric' : undefined}
        placeholder={editing && secret ? 'Stored, not shown' : field.placeholder}
        autoComplete={field.input === 'password' ? 'new-password' : 'off'}
        className="wide-input"
        value={form.values[key] ?? ''}
        onChange={(value) => setValue(key, value)}
      />
    );
  };

  return (
    <>
      <fieldset className="settings-group">
        <legend>Connection</legend>
        <TextSetting
          fieldKey="name"
          label="Connection name"
          hint="How this connection appears in Rampart, such as the PSA and the environment."
          problem={problems.name}
          placeholder={`${vendor.label} (production)`}
          maxLength={100}
          autoComplete="off"
          className="wide-input"
          value={form.name}
          onChange={(name) => onChange({ ...form, name })}
        />
        {vendor.fields.filter((field) => field.part === 'config').map(renderField)}
      </fieldset>

      <fieldset className="settings-group">
        <legend>Credentials</legend>
        <p className="muted group-note">
          {editing
            ? 'Stored encrypted and never shown again. Leave every credential blank to keep the stored ones; to replace them, enter all of them.'
            : 'Stored encrypted and never shown again, not even to administrators.'}
        </p>
        {vendor.fields.filter((field) => field.part === 'credentials').map(renderField)}
      </fieldset>

      <fieldset className="settings-group">
        <legend>Which companies become clients</legend>
        <TextSetting
          fieldKey="clientFilter.types"
          label="Company types"
          hint={`Separate several with commas. Leave empty for the ${vendor.label} default: ${vendor.defaultTypes}.`}
          problem={problems['clientFilter.types']}
          marker="optional"
          autoComplete="off"
          className="wide-input"
          value={form.clientTypes}
          onChange={(clientTypes) => onChange({ ...form, clientTypes })}
        />
        <TextSetting
          fieldKey="clientFilter.statuses"
          label="Statuses"
          hint="PSA status names that count, separated by commas, such as Active, Credit Hold. Leave empty for any status."
          problem={problems['clientFilter.statuses']}
          marker="optional"
          autoComplete="off"
          className="wide-input"
          value={form.clientStatuses}
          onChange={(clientStatuses) => onChange({ ...form, clientStatuses })}
        />
        <div className="field checkbox-field">
          <input
            type="checkbox"
            id={fieldId('clientFilter.includeInactive')}
            checked={form.includeInactive}
            onChange={(event) => onChange({ ...form, includeInactive: event.target.checked })}
          />
          <label htmlFor={fieldId('clientFilter.includeInactive')}>Also import companies the PSA marks inactive</label>
        </div>
      </fieldset>

      <FieldMappingEditor mapping={form.mapping} problems={problems} onChange={(mapping) => onChange({ ...form, mapping })} />
    </>
  );
}
