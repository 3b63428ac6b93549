import { RelativeTime } from '../../components/relative-time.js';
import { type CascadeRow, paramLabel, presentSettings } from './settings-cascade.js';
import { overrideFor } from './settings-form.js';
import { SettingValue } from './setting-value.js';
import type { ControlSetting } from './types.js';

/** The settings in effect at each level, each value with the level it comes from. */
export function EffectiveSettingsTable({ rows, overrides, paramNames }: { rows: readonly CascadeRow[]; overrides: readonly ControlSetting[]; paramNames: readonly string[] }) {
  return (
    <div className="table-scroll">
      <table className="data ctl-cascade-table">
        <caption className="visually-hidden">Effective settings by level, with where each value comes from</caption>
        <thead>
          <tr>
            <th scope="col">Level</th>
            <th scope="col">Enabled</th>
            <th scope="col">Weight</th>
            <th scope="col">Applicability</th>
            <th scope="col">Parameters</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const view = presentSettings(row.effective, row.scope, paramNames);
            const override = overrideFor(overrides, row.target);
            return (
              <tr key={row.key}>
                <th scope="row" className="ctl-level-cell">
                  {row.label}
                  {row.scope.level === 'client' && <span className="ctl-level-note">{row.scope.baselineName ? `on baseline ${row.scope.baselineName}` : 'on no baseline'}</span>}
                  <span className="ctl-level-note">
                    {override ? (
                      <>
                        Override by {override.updatedBy}, <RelativeTime iso={override.updatedAt} />
                      </>
                    ) : (
                      'No override here'
                    )}
                  </span>
                </th>
                <td>
                  <SettingValue value={view.enabled} />
                </td>
                <td>
                  <SettingValue value={view.weight} />
                </td>
                <td>
                  <SettingValue value={view.applicability} />
                </td>
                <td>
                  {view.params.length === 0 ? (
                    <span className="muted">None</span>
                  ) : (
                    <ul className="ctl-param-values">
                      {view.params.map((param) => (
                        <li key={param.name}>
                          <span className="ctl-param-name">{paramLabel(param.name)}:</span> <SettingValue value={param} />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
