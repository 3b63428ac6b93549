import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client.js';
import { useSession } from '../../auth/session.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { PageHeader } from '../../components/page-header.js';
import { SettingsFields } from './settings-fields.js';
import { blankForm, createBody, type SettingsForm } from './settings-form.js';
import { PSA_KINDS, type Integration, type PsaKind } from './types.js';
import { useSettingsSubmit } from './use-settings-submit.js';
import { VENDORS } from './vendors.js';

/** Set when arriving at a new integration's page, which then tests the connection at once. */
export interface ConnectedState {
  justConnected: true;
}

const createIntegration = (form: SettingsForm) => api.post<Integration>('/integrations', createBody(form));

export function ConnectPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [form, setForm] = useState<SettingsForm>();
  const save = useSettingsSubmit(false, createIntegration, (created) =>
    navigate(`/integrations/${created.id}`, { state: { justConnected: true } satisfies ConnectedState }),
  );

  const chooseVendor = (kind: PsaKind) => {
    // Another vendor's settings mean nothing here; only the name carries over.
    setForm(blankForm(kind, form?.name));
    save.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form) void save.submit(form);
  };

  return (
    <>
      <p className="back-link">
        <Link to="/integrations">← Integrations</Link>
      </p>
      <PageHeader title="Connect a PSA" subtitle="Rampart imports the PSA's client companies, their contacts and their assets, then keeps them in step." />
      {!can('integrations:write') ? (
        <p className="notice">Your role can view integrations but not connect one. Ask an administrator.</p>
      ) : (
        <form className="panel connect-form" onSubmit={submit} noValidate>
          <ErrorSummary {...save.summary} />
          <fieldset className="settings-group vendor-picker">
            <legend>PSA</legend>
            <div className="vendor-options">
              {PSA_KINDS.map((kind) => (
                <label key={kind} className={`vendor-option${form?.kind === kind ? ' chosen' : ''}`}>
                  <input type="radio" name="psa" value={kind} checked={form?.kind === kind} onChange={() => chooseVendor(kind)} />
                  {VENDORS[kind].label}
                </label>
              ))}
            </div>
          </fieldset>
          {form ? (
            <>
              <SettingsFields form={form} onChange={setForm} problems={save.problems} editing={false} />
              <div className="form-actions">
                <button type="submit" className="button primary" aria-disabled={save.pending || undefined}>
                  Save and test connection
                </button>
                <Link className="button" to="/integrations">
                  Cancel
                </Link>
                <output className="muted">
                  {save.pending ? 'Saving…' : 'The connection is tested as soon as it is saved; the first sync starts only when you ask for it.'}
                </output>
              </div>
            </>
          ) : (
            <p className="muted">Choose your PSA to see the settings it needs.</p>
          )}
        </form>
      )}
    </>
  );
}
