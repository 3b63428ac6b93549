import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { SettingsFields } from './settings-fields.js';
import { formFromIntegration, type SettingsForm, updateBody } from './settings-form.js';
import type { Integration } from './types.js';
import { useSettingsSubmit } from './use-settings-submit.js';

interface SettingsPanelProps {
  integration: Integration;
  onSaved: (integration: Integration) => void;
}

/** The stored settings, editable; credentials are write-only, so they start blank and stay unless retyped. */
export function SettingsPanel({ integration, onSaved }: SettingsPanelProps) {
  const [form, setForm] = useState<SettingsForm>(() => formFromIntegration(integration));
  const [saved, setSaved] = useState(false);
  const save = useSettingsSubmit(
    true,
    (edited: SettingsForm) => api.patch<Integration>(`/integrations/${integration.id}`, updateBody(edited)),
    (updated) => {
      setForm(formFromIntegration(updated));
      setSaved(true);
      onSaved(updated);
    },
  );

  const edit = (next: SettingsForm) => {
    setForm(next);
    setSaved(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void save.submit(form);
  };
  const discard = () => {
    setForm(formFromIntegration(integration));
    save.reset();
    setSaved(false);
  };

  return (
    <section className="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <form className="settings-form" onSubmit={submit} noValidate>
        <ErrorSummary {...save.summary} />
        <SettingsFields form={form} onChange={edit} problems={save.problems} editing />
        <div className="form-actions">
          <button type="submit" className="button primary" aria-disabled={save.pending || undefined}>
            Save settings
          </button>
          <button type="button" className="button" onClick={discard} disabled={save.pending}>
            Discard changes
          </button>
          <output className="save-status">
            {save.pending && <span className="muted">Saving…</span>}
            {saved && (
              <>
                <span aria-hidden="true">✓ </span>Settings saved. Test the connection to check them.
              </>
            )}
          </output>
        </div>
      </form>
    </section>
  );
}
