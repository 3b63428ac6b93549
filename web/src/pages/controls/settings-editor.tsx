import { useId, useState } from 'react';
import type { Cascade } from './use-settings-cascade.js';
import { defaultsOf, inheritedFor, paramNames } from './settings-cascade.js';
import { overrideFor, paramKindOf, type ParamInputKind, parseTargetKey } from './settings-form.js';
import { SettingsForm } from './settings-form-view.js';
import type { Control } from './types.js';

/** Choosing the level to change (tenant, a baseline, the chosen client) and changing it. */
export function SettingsEditor({ control, cascade, onChanged }: { control: Control; cascade: Cascade; onChanged: () => void }) {
  const id = useId();
  const [chosenKey, setChosenKey] = useState('tenant');
  const [status, setStatus] = useState('');
  const row = cascade.rows.find((candidate) => candidate.key === chosenKey) ?? cascade.rows[0]!;
  const target = parseTargetKey(row.key) ?? { level: 'tenant' as const };
  const override = overrideFor(cascade.overrides, target);
  const inherited = inheritedFor(target, cascade.rows, defaultsOf(control)) ?? { effective: defaultsOf(control), scope: { level: 'tenant' as const } };
  const names = paramNames(control, row.effective);
  const kinds: Record<string, ParamInputKind> = Object.fromEntries(names.map((name) => [name, paramKindOf(control.evaluator.params[name])]));

  return (
    <section className="ctl-settings-editor" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Change a setting</h3>
      <div className="field">
        <label htmlFor={`${id}-level`}>Level</label>
        <select
          id={`${id}-level`}
          value={row.key}
          aria-describedby={`${id}-level-hint`}
          onChange={(event) => {
            setChosenKey(event.target.value);
            setStatus('');
          }}
        >
          {cascade.rows.map((candidate) => (
            <option key={candidate.key} value={candidate.key}>
              {candidate.label}
            </option>
          ))}
        </select>
        <p id={`${id}-level-hint`} className="hint">
          {override ? `${row.label} has its own override; fields left empty or on “Inherit” take the level above.` : `${row.label} sets nothing of its own yet: every value is inherited.`}
          {!cascade.client && ' Choose a client above to change a single client’s settings.'}
        </p>
      </div>
      <SettingsForm
        key={`${row.key}|${override?.updatedAt ?? 'none'}`}
        control={control}
        target={target}
        targetLabel={row.label}
        override={override}
        inherited={inherited}
        kinds={kinds}
        onChanged={(message) => {
          setStatus(message);
          onChanged();
        }}
      />
      <output className="ctl-status-line ctl-settings-status">
        {status}
      </output>
    </section>
  );
}
