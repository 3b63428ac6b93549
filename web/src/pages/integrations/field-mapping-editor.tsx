import { FieldError } from '../../components/form-field.js';
import { ASSET_FIELD_LABELS, type FieldProblems, fieldId, type MappingRow, type MappingSource } from './settings-form.js';
import { MAPPABLE_ASSET_FIELDS, type MappableAssetField } from './types.js';

const SOURCE_TEXT: Record<MappingSource, string> = { standard: "The PSA's own field", customField: 'A custom field', path: 'A path in the raw record' };

interface FieldMappingEditorProps {
  mapping: Record<MappableAssetField, MappingRow>;
  problems: FieldProblems;
  onChange: (mapping: Record<MappableAssetField, MappingRow>) => void;
}

/** Where each asset field is read from, for PSAs where the MSP keeps (say) EDR status in a custom field. */
export function FieldMappingEditor({ mapping, problems, onChange }: FieldMappingEditorProps) {
  const customised = MAPPABLE_ASSET_FIELDS.filter((field) => mapping[field].source !== 'standard').length;
  const hasProblem = MAPPABLE_ASSET_FIELDS.some((field) => problems[`fieldMapping.${field}`]);
  const setRow = (field: MappableAssetField, row: MappingRow) => onChange({ ...mapping, [field]: row });

  return (
    <details className="settings-group mapping" open={hasProblem || undefined}>
      <summary>
        Asset field mapping <span className="muted">({customised > 0 ? `${customised} customised` : 'optional'})</span>
      </summary>
      <p className="muted group-note">
        Read an asset field from a custom field (by its name in the PSA) or a dot path in the PSA&apos;s raw record, such as properties.av_status, instead of the
        PSA&apos;s standard field.
      </p>
      <div className="table-scroll">
        <table className="data mapping-table">
          <caption className="visually-hidden">Asset field mapping</caption>
          <thead>
            <tr>
              <th scope="col">Asset field</th>
              <th scope="col">Read from</th>
              <th scope="col">Custom field name or path</th>
            </tr>
          </thead>
          <tbody>
            {MAPPABLE_ASSET_FIELDS.map((field) => {
              const row = mapping[field];
              const label = ASSET_FIELD_LABELS[field];
              const key = `fieldMapping.${field}`;
              const id = fieldId(key);
              return (
                <tr key={field}>
                  <th scope="row">{label}</th>
                  <td>
                    <select aria-label={`${label}: read from`} value={row.source} onChange={(event) => setRow(field, { ...row, source: event.target.value as MappingSource })}>
                      {(Object.keys(SOURCE_TEXT) as MappingSource[]).map((source) => (
                        <option key={source} value={source}>
                          {SOURCE_TEXT[source]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {row.source !== 'standard' && (
                      <>
                        <input
                          id={id}
                          aria-label={`${label}: ${row.source === 'customField' ? 'custom field name' : 'path'}`}
                          aria-invalid={problems[key] ? true : undefined}
                          aria-describedby={problems[key] ? `${id}-error` : undefined}
                          placeholder={row.source === 'customField' ? 'EDR Status' : 'properties.av_status'}
                          maxLength={200}
                          spellCheck={false}
                          autoComplete="off"
                          value={row.value}
                          onChange={(event) => setRow(field, { ...row, value: event.target.value })}
                        />
                        <FieldError id={`${id}-error`} message={problems[key]} />
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
