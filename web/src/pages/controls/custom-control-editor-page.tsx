import { type FormEvent, useCallback, useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, type Page } from '../../api/client.js';
import { CATEGORIES, SEVERITIES } from '../../api/domain.js';
import { useApi, useMutation } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { ErrorMessage } from '../../components/error-message.js';
import { fieldMessage } from '../../components/form-errors.js';
import { FormField } from '../../components/form-field.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { humanise } from '../../format.js';
import { createBody, type CustomControlFormValues, draftEvaluator, EDITOR_FIELDS, formFromControl, isExpressionControl, NEW_CONTROL, suggestedKey, updateBody } from './custom-control-form.js';
import { ExpressionField } from './expression-field.js';
import { ExpressionHelp } from './expression-help.js';
import { testHost } from './test-outcome.js';
import { TestPanel, useTestClients } from './test-panel.js';
import type { Control } from './types.js';

/** `/controls/new` and `/controls/:controlId/edit`: an MSP's own control, written as a CEL expression. */
export function CustomControlEditorPage() {
  const { controlId } = useParams();
  const { can } = useSession();
  if (!can('controls:write')) {
    return (
      <>
        <PageHeader title={controlId ? 'Edit control' : 'New custom control'} />
        <p>Your role cannot create or change controls. An administrator or vCIO can.</p>
      </>
    );
  }
  return controlId ? <EditControl controlId={controlId} /> : <CustomControlEditor original={null} />;
}

function EditControl({ controlId }: { controlId: string }) {
  const control = useApi<Control>(`/controls/${encodeURIComponent(controlId)}`);
  if (control.error) return <ErrorMessage error={control.error} />;
  if (!control.data) return <Loading what="control" />;
  if (control.data.builtin) {
    return (
      <>
        <PageHeader title={`Edit ${control.data.name}`} />
        <p>
          Built-in controls are maintained by Rampart and cannot be edited. Change their weight, parameters or applicability in their{' '}
          <Link to={`/controls/${encodeURIComponent(control.data.key)}`}>settings</Link> instead.
        </p>
      </>
    );
  }
  return <CustomControlEditor original={control.data} />;
}

function CustomControlEditor({ original }: { original: Control | null }) {
  const id = useId();
  const navigate = useNavigate();
  const [values, setValues] = useState<CustomControlFormValues>(() => (original ? formFromControl(original) : NEW_CONTROL));
  const [testError, setTestError] = useState<ApiError>();
  const [unchanged, setUnchanged] = useState(false);
  const catalog = useApi<Page<Control>>(original ? null : '/controls');
  const testClients = useTestClients();
  const host = original ?? testHost(catalog.data?.data ?? []);
  const writesExpression = !original || isExpressionControl(original);
  const save = useMutation(
    useCallback(
      (body: ReturnType<typeof createBody> | NonNullable<ReturnType<typeof updateBody>>) =>
        original ? api.patch<Control>(`/controls/${encodeURIComponent(original.id)}`, body) : api.post<Control>('/controls', body),
      [original],
    ),
  );
  const expressionError = testError ?? save.error;
  const set = (changes: Partial<CustomControlFormValues>) => {
    setUnchanged(false);
    setValues((current) => ({ ...current, ...changes }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTestError(undefined);
    const body = original ? updateBody(values, original) : createBody(values);
    if (!body) {
      setUnchanged(true);
      return;
    }
    const saved = await save.run(body);
    if (saved) navigate(`/controls/${encodeURIComponent(saved.key)}`, { state: { notice: `${original ? 'Saved' : 'Created'} ${saved.name}. Clients are scored on it from their next evaluation.` } });
  }

  return (
    <>
      <p className="ctl-breadcrumb">
        <Link to="/controls">Controls</Link>
        {original && (
          <>
            {' '}
            <span aria-hidden="true">›</span> <Link to={`/controls/${encodeURIComponent(original.key)}`}>{original.name}</Link>
          </>
        )}
      </p>
      <PageHeader title={original ? `Edit ${original.name}` : 'New custom control'} subtitle="Your own check, written as a CEL expression over a client’s facts and assets. Test it on real clients before saving." />
      <form className="ctl-editor-form" noValidate onSubmit={(event) => void submit(event)} aria-label={original ? 'Edit custom control' : 'New custom control'}>
        <ErrorMessage error={save.error} shownFields={EDITOR_FIELDS} />
        <div className="ctl-editor-grid">
          <section className="panel" aria-labelledby={`${id}-details`}>
            <h2 id={`${id}-details`}>Details</h2>
            <FormField id={`${id}-name`} label="Name" error={fieldMessage(save.error, 'name')}>
              {(fieldProps) => <input {...fieldProps} value={values.name} maxLength={200} onChange={(event) => set({ name: event.target.value })} />}
            </FormField>
            <FormField
              id={`${id}-key`}
              label="Key"
              hint={original ? 'A control’s key never changes: reports and integrations refer to it.' : `Optional; a lowercase word, a dot, then letters, digits and “_”. Left empty, it becomes ${suggestedKey(values.name)}.`}
              error={fieldMessage(save.error, 'key')}
            >
              {(fieldProps) => (
                <input
                  {...fieldProps}
                  className="ctl-mono"
                  value={values.key}
                  readOnly={Boolean(original)}
                  placeholder={suggestedKey(values.name)}
                  spellCheck={false}
                  autoCapitalize="off"
                  onChange={(event) => set({ key: event.target.value })}
                />
              )}
            </FormField>
            <div className="ctl-field-row">
              <FormField id={`${id}-category`} label="Category" error={fieldMessage(save.error, 'category')}>
                {(fieldProps) => (
                  <select {...fieldProps} value={values.category} onChange={(event) => set({ category: event.target.value as CustomControlFormValues['category'] })}>
                    <option value="">Choose a category…</option>
                    {CATEGORIES.map((category) => (
                      <option key={category} value={category}>
                        {humanise(category)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField id={`${id}-severity`} label="Severity" error={fieldMessage(save.error, 'severity')}>
                {(fieldProps) => (
                  <select {...fieldProps} value={values.severity} onChange={(event) => set({ severity: event.target.value as CustomControlFormValues['severity'] })}>
                    {SEVERITIES.map((severity) => (
                      <option key={severity} value={severity}>
                        {humanise(severity)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
            </div>
            <FormField id={`${id}-description`} label="Description" hint="What the control checks, as clients will read it in reports." error={fieldMessage(save.error, 'description')}>
              {(fieldProps) => <textarea {...fieldProps} className="ctl-prose-input" rows={3} maxLength={2000} value={values.description} onChange={(event) => set({ description: event.target.value })} />}
            </FormField>
            <FormField id={`${id}-remediation`} label="Remediation" hint="How to fix a failure; optional." error={fieldMessage(save.error, 'remediation')}>
              {(fieldProps) => <textarea {...fieldProps} className="ctl-prose-input" rows={4} maxLength={8000} value={values.remediation} onChange={(event) => set({ remediation: event.target.value })} />}
            </FormField>
          </section>
          <section className="panel" aria-labelledby={`${id}-check`}>
            <h2 id={`${id}-check`}>Check</h2>
            {writesExpression ? (
              <>
                <ExpressionField
                  value={values.expression}
                  onChange={(expression) => {
                    setTestError(undefined);
                    set({ expression });
                  }}
                  error={expressionError}
                />
                <ExpressionHelp client={testClients.clients[0]} />
                <ErrorMessage error={catalog.error} />
                <TestPanel draft={draftEvaluator(values)} host={host} borrowed={!original} testClients={testClients} onInvalid={setTestError} />
              </>
            ) : (
              <p>
                This control uses the {humanise(original!.evaluator.kind)} evaluator, which is set through the API; here you can change its description and other details.
              </p>
            )}
          </section>
        </div>
        <div className="ctl-form-actions ctl-sticky-actions">
          <button type="submit" className="button primary" disabled={save.pending}>
            {save.pending ? 'Saving…' : original ? 'Save changes' : 'Create control'}
          </button>
          <Link className="button" to={original ? `/controls/${encodeURIComponent(original.key)}` : '/controls'}>
            Cancel
          </Link>
          <output className="ctl-status-line muted">
            {unchanged ? 'Nothing has changed, so there is nothing to save.' : ''}
          </output>
        </div>
      </form>
    </>
  );
}
