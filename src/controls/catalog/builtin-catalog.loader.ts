import { type Kysely, sql } from 'kysely';

import type { DB } from '../../database/schema.js';
import { BUILTIN_FRAMEWORKS } from '../frameworks/builtin/index.js';
import type { FrameworkDefinition } from '../frameworks/framework-definition.js';
import { BUILTIN_CONTROLS } from './builtin-controls.js';
import type { ControlDefinition } from './control-definition.js';

export interface CatalogCounts {
  frameworks: number;
  requirements: number;
  controls: number;
  mappings: number;
}

/**
 * Writes the built-in frameworks and controls (rows without a tenant) to match the code, as the
 * owner role after migrations: the application role can read them but never write them. Ids stay
 * stable across loads (rows are matched by key), so tenants' settings and past results keep
 * pointing at the same control; a control dropped from the catalog is retired, not deleted.
 */
export async function loadBuiltinCatalog(
  db: Kysely<DB>,
  frameworks: readonly FrameworkDefinition[] = BUILTIN_FRAMEWORKS,
  controls: readonly ControlDefinition[] = BUILTIN_CONTROLS,
): Promise<CatalogCounts> {
  return db.transaction().execute(async (trx) => {
    const requirementIds = await upsertFrameworks(trx, frameworks);
    const controlIds = await upsertControls(trx, controls);
    const mappings = controls.flatMap((control) =>
      Object.entries(control.mappings).flatMap(([framework, refs]) =>
        refs.map((ref) => {
          const requirementId = requirementIds.get(`${framework} ${ref}`);
          if (!requirementId) throw new Error(`Built-in control ${control.key} maps to ${framework} ${ref}, which the catalog does not have`);
          return { tenantId: null, controlId: controlIds.get(control.key)!, requirementId };
        }),
      ),
    );
    await trx.deleteFrom('controlMappings').where('tenantId', 'is', null).execute();
    for (const chunk of chunks(mappings, 500)) await trx.insertInto('controlMappings').values(chunk).execute();
    return { frameworks: frameworks.length, requirements: requirementIds.size, controls: controls.length, mappings: mappings.length };
  });
}

/** Returns requirement ids by "<framework key> <ref>". */
async function upsertFrameworks(trx: Kysely<DB>, frameworks: readonly FrameworkDefinition[]): Promise<Map<string, string>> {
  const requirementIds = new Map<string, string>();
  for (const framework of frameworks) {
    const { id } = await trx
      .insertInto('frameworks')
      .values({ tenantId: null, key: framework.key, name: framework.name, version: framework.version, publisher: framework.publisher, url: framework.url, description: framework.description })
      .onConflict((conflict) =>
        conflict.columns(['tenantId', 'key']).doUpdateSet({
          name: framework.name,
          version: framework.version,
          publisher: framework.publisher,
          url: framework.url,
          description: framework.description,
          updatedAt: sql<Date>`now()`,
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    const refs = framework.requirements.map((requirement) => requirement.ref);
    await trx.deleteFrom('frameworkRequirements').where('frameworkId', '=', id).where('ref', 'not in', refs).execute();
    const rows = framework.requirements.map((requirement, position) => ({ tenantId: null, frameworkId: id, ref: requirement.ref, title: requirement.title, grouping: requirement.group, position }));
    for (const chunk of chunks(rows, 500)) {
      const saved = await trx
        .insertInto('frameworkRequirements')
        .values(chunk)
        .onConflict((conflict) =>
          conflict.columns(['frameworkId', 'ref']).doUpdateSet((eb) => ({ title: eb.ref('excluded.title'), grouping: eb.ref('excluded.grouping'), position: eb.ref('excluded.position') })),
        )
        .returning(['id', 'ref'])
        .execute();
      for (const row of saved) requirementIds.set(`${framework.key} ${row.ref}`, row.id);
    }
  }
  return requirementIds;
}

/** Returns control ids by key. */
async function upsertControls(trx: Kysely<DB>, controls: readonly ControlDefinition[]): Promise<Map<string, string>> {
  const rows = controls.map((control, position) => ({
    tenantId: null,
    key: control.key,
    name: control.name,
    category: control.category,
    severity: control.severity,
    description: control.description,
    rationale: control.rationale,
    remediation: control.remediation,
    evidenceSource: control.evidenceSource,
    evaluatorKind: control.evaluator.kind,
    params: JSON.stringify(control.evaluator.params),
    position,
    createdBy: 'rampart',
    retiredAt: null,
  }));
  const saved = await trx
    .insertInto('controls')
    .values(rows)
    .onConflict((conflict) =>
      conflict.columns(['tenantId', 'key']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        category: eb.ref('excluded.category'),
        severity: eb.ref('excluded.severity'),
        description: eb.ref('excluded.description'),
        rationale: eb.ref('excluded.rationale'),
        remediation: eb.ref('excluded.remediation'),
        evidenceSource: eb.ref('excluded.evidenceSource'),
        evaluatorKind: eb.ref('excluded.evaluatorKind'),
        params: eb.ref('excluded.params'),
        position: eb.ref('excluded.position'),
        retiredAt: null,
        updatedAt: sql<Date>`now()`,
      })),
    )
    .returning(['id', 'key'])
    .execute();
  await trx
    .updateTable('controls')
    .set({ retiredAt: sql<Date>`now()` })
    .where('tenantId', 'is', null)
    .where('retiredAt', 'is', null)
    .where('key', 'not in', controls.map((control) => control.key))
    .execute();
  return new Map(saved.map((row) => [row.key, row.id]));
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
