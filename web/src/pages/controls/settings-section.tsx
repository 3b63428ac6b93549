import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/session.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Loading } from '../../components/loading.js';
import { ClientPicker } from './client-picker.js';
import { EffectiveSettingsTable } from './effective-settings-table.js';
import { paramNames } from './settings-cascade.js';
import { SettingsEditor } from './settings-editor.js';
import type { Control } from './types.js';
import { useSettingsCascade } from './use-settings-cascade.js';

/** The settings cascade of one control: what is in effect at each level, and changing one level. */
export function SettingsSection({ control }: { control: Control }) {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const clientId = params.get('clientId') ?? '';
  const cascade = useSettingsCascade(control.id, clientId);
  const names = paramNames(control, cascade.data?.rows[0]?.effective ?? control.effective);

  return (
    <section className="panel" aria-labelledby="settings-heading" aria-busy={cascade.loading}>
      <h2 id="settings-heading">Settings</h2>
      <p className="muted">
        Each value comes from the most specific level that sets it: the control’s default, then your tenant, then the client’s baseline, then the client itself.
      </p>
      <div className="ctl-settings-client">
        <ClientPicker
          label="Client to show"
          searchLabel="Find a client"
          emptyLabel="No client"
          value={clientId}
          onChange={(client) =>
            setParams(
              (current) => {
                const next = new URLSearchParams(current);
                if (client) next.set('clientId', client.id);
                else next.delete('clientId');
                return next;
              },
              { replace: true },
            )
          }
        />
      </div>
      <ErrorMessage error={cascade.error} />
      {!cascade.data && cascade.loading && <Loading what="settings" />}
      {cascade.data && (
        <>
          <EffectiveSettingsTable rows={cascade.data.rows} overrides={cascade.data.overrides} paramNames={names} />
          {can('controls:write') ? (
            <SettingsEditor control={control} cascade={cascade.data} onChanged={cascade.reload} />
          ) : (
            <p className="muted">Your role can view these settings but not change them.</p>
          )}
        </>
      )}
    </section>
  );
}
