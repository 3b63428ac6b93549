import { CATEGORIES } from '../../api/domain.js';
import { humanise } from '../../format.js';
import type { Control } from './types.js';

/** A control of the catalog (listed whole, under a hundred), grouped by category; values are keys. */
export function ControlSelect({
  id,
  label,
  controls,
  value,
  onChange,
  emptyLabel,
  describedBy,
  invalid,
}: {
  id: string;
  label: string;
  controls: readonly Control[];
  value: string;
  onChange: (key: string) => void;
  emptyLabel: string;
  describedBy?: string;
  invalid?: boolean;
}) {
  // Links may name the control by id or by key.
  const selected = controls.find((control) => control.key === value || control.id === value)?.key ?? '';
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={selected} onChange={(event) => onChange(event.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
        <option value="">{emptyLabel}</option>
        {CATEGORIES.map((category) => {
          const inCategory = controls.filter((control) => control.category === category);
          return (
            inCategory.length > 0 && (
              <optgroup key={category} label={humanise(category)}>
                {inCategory.map((control) => (
                  <option key={control.id} value={control.key}>
                    {control.name}
                  </option>
                ))}
              </optgroup>
            )
          );
        })}
      </select>
    </>
  );
}
