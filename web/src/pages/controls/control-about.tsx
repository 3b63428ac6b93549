import type { Page } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { humanise } from '../../format.js';
import { formatParamValue, paramLabel } from './settings-cascade.js';
import type { Control, Framework } from './types.js';

/** What the control checks, why, and how to fix a failure. */
export function ControlAbout({ control }: { control: Control }) {
  return (
    <section className="panel" aria-labelledby="about-heading">
      <h2 id="about-heading">About this control</h2>
      <p className="ctl-prose">{control.description}</p>
      {control.rationale && (
        <>
          <h3>Why it matters</h3>
          <p className="ctl-prose">{control.rationale}</p>
        </>
      )}
      <h3>Remediation</h3>
      {control.remediation ? <p className="ctl-prose">{control.remediation}</p> : <p className="muted">No remediation written yet.</p>}
      <dl className="ctl-facts">
        <dt>Evaluator</dt>
        <dd>{humanise(control.evaluator.kind)}</dd>
        {control.evidenceSource && (
          <>
            <dt>Evidence</dt>
            <dd>{control.evidenceSource}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** The evaluator's parameters as the control ships them, before any level changes them. */
export function ControlParameters({ control }: { control: Control }) {
  const entries = Object.entries(control.evaluator.params);
  return (
    <section className="panel" aria-labelledby="parameters-heading">
      <h2 id="parameters-heading">{control.evaluator.kind === 'expression' ? 'Expression' : 'Parameters and defaults'}</h2>
      {entries.length === 0 ? (
        <p className="muted">This control has no parameters.</p>
      ) : control.evaluator.kind === 'expression' ? (
        <pre className="ctl-expression-view" aria-label="CEL expression">
          {String(control.evaluator.params.expression ?? '')}
        </pre>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">Parameters and their default values</caption>
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col">Default</th>
              </tr>
            </thead>
            <tbody>
              {entries.map(([name, value]) => (
                <tr key={name}>
                  <th scope="row">
                    {paramLabel(name)} <code className="muted">{name}</code>
                  </th>
                  <td className="ctl-param-default">{formatParamValue(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The framework requirements the control supports, by framework. */
export function FrameworkMappings({ control }: { control: Control }) {
  const frameworks = useApi<Page<Framework>>('/frameworks');
  const byFramework = new Map<string, string[]>();
  for (const mapping of control.mappings) byFramework.set(mapping.framework, [...(byFramework.get(mapping.framework) ?? []), mapping.ref]);
  const nameOf = (key: string) => frameworks.data?.data.find((framework) => framework.key === key)?.name ?? key;
  return (
    <section className="panel" aria-labelledby="mappings-heading">
      <h2 id="mappings-heading">Framework mappings</h2>
      {byFramework.size === 0 ? (
        <p className="muted">Not mapped to any framework requirement.</p>
      ) : (
        <dl className="ctl-mappings">
          {[...byFramework].map(([key, refs]) => (
            <div key={key}>
              <dt>{nameOf(key)}</dt>
              <dd>{refs.join(', ')}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
