import { ASSET_FIELD_LABELS } from './settings-form.js';
import type { FieldSource, Integration, MappableAssetField } from './types.js';
import { VENDORS } from './vendors.js';

function describeSource(source: FieldSource): string {
  return 'customField' in source ? `custom field "${source.customField}"` : `path ${source.path}`;
}

/** The stored settings for people who may read but not change them. */
export function SettingsSummary({ integration }: { integration: Integration }) {
  const vendor = VENDORS[integration.kind];
  const mapped = Object.entries(integration.fieldMapping) as [MappableAssetField, FieldSource][];
  return (
    <section className="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <dl className="settings-summary">
        {vendor.fields
          .filter((field) => field.part === 'config')
          .map((field) => {
            const value = integration.config[field.name];
            return (
              <div key={field.name}>
                <dt>{field.label}</dt>
                <dd>{value === undefined || value === null || value === '' ? <span className="muted">Not set (default)</span> : String(value)}</dd>
              </div>
            );
          })}
        <div>
          <dt>Credentials</dt>
          <dd>Stored encrypted; never shown</dd>
        </div>
        <div>
          <dt>Company types</dt>
          <dd>{integration.clientFilter.types?.join(', ') ?? <span className="muted">{vendor.label} default: {vendor.defaultTypes}</span>}</dd>
        </div>
        <div>
          <dt>Statuses</dt>
          <dd>{integration.clientFilter.statuses?.join(', ') ?? <span className="muted">Any status</span>}</dd>
        </div>
        <div>
          <dt>Inactive companies</dt>
          <dd>{integration.clientFilter.includeInactive ? 'Imported' : 'Not imported'}</dd>
        </div>
        <div>
          <dt>Asset field mapping</dt>
          <dd>
            {mapped.length === 0 ? (
              <span className="muted">The PSA&apos;s standard fields</span>
            ) : (
              <ul className="plain-list">
                {mapped.map(([field, source]) => (
                  <li key={field}>
                    {ASSET_FIELD_LABELS[field] ?? field} from {describeSource(source)}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
