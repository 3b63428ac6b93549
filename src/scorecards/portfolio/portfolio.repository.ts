import { BadRequestException, Injectable } from '@nestjs/common';
import { type RawBuilder, sql } from 'kysely';

import type { Position } from '../../common/pagination/page.js';
import type { ControlCategory, Severity } from '../../controls/catalog/control-definition.js';
import type { ResultStatus } from '../../controls/evaluators/evaluator.js';
import type { TenantScope } from '../../database/database.js';
import { escapeLike } from '../../database/escape-like.js';
import type { FailingCriticalControl } from '../../database/schema.js';
import type { Grade } from '../../scoring/scoring.js';
import { type ChangeWindow, MONTH_DAYS, needsHistoryForEveryClient, type PortfolioFilter, type SortOrder } from './portfolio-query.js';

/** A client of the portfolio with its current standing and the scores it is compared with. */
export interface PortfolioRow {
  id: string;
  name: string;
  baseline: string | null;
  runId: string | null;
  evaluatedAt: Date | null;
  score: number | null;
  grade: Grade | null;
  previousScore: number | null;
  failingCritical: FailingCriticalControl[] | null;
  evidenceAt: Date | null;
  monthScore: number | null;
  qbrReviewedAt: Date | null;
  qbrScore: number | null;
  /** The cursor's sort key, as text. */
  sortKey: string;
}

export interface PortfolioSummary {
  /** Current scores of the evaluated clients (null where nothing counted). */
  scores: (number | null)[];
  notEvaluated: number;
  fingerprint: string;
}

export interface FixRow {
  controlId: string;
  key: string;
  name: string;
  severity: Severity;
  category: ControlCategory;
  clients: number;
  pointsRecoverable: number;
}

export interface HeatmapCell {
  clientId: string;
  controlId: string;
  status: ResultStatus;
}

export interface CatalogControl {
  controlId: string;
  key: string;
  name: string;
  category: ControlCategory;
  severity: Severity;
}

/** How much a client's current score differs from the one it is compared with; null when either is missing. */
const CHANGE: Record<ChangeWindow, RawBuilder<number | null>> = {
  previousRun: sql`(cs.score - cs.previous_score)`,
  '30d': sql`(cs.score - month.score)`,
  qbr: sql`(cs.score - qbr.score)`,
};

const SORT_VALUE: Record<Exclude<SortOrder['field'], 'name'>, RawBuilder<number | null>> = {
  score: sql`cs.score`,
  change: CHANGE.previousRun,
  change30d: CHANGE['30d'],
  changeSinceQbr: CHANGE.qbr,
  failingCritical: sql`jsonb_array_length(cs.failing_critical)::double precision`,
  evaluatedAt: sql`extract(epoch from cs.evaluated_at)::double precision`,
};

const CURRENT_COLUMNS = sql`c.id, c.name, c.baseline, cs.run_id, cs.evaluated_at, cs.score, cs.grade, cs.previous_score, cs.failing_critical, cs.evidence_at`;
const HISTORY_COLUMNS = sql`month.score as month_score, qbr.reviewed_at as qbr_reviewed_at, qbr.score as qbr_score`;

/**
 * The portfolio as of each client's latest evaluation. Sorting and filtering happen in SQL over
 * every client; the 30-day and QBR comparisons (one index probe each per client) are joined for the
 * page's rows only, unless the sort or filter needs them for every client.
 */
@Injectable()
export class PortfolioRepository {
  async page(scope: TenantScope, filter: PortfolioFilter, order: SortOrder, options: { limit: number; after?: Position }): Promise<PortfolioRow[]> {
    const everyClient = needsHistoryForEveryClient(filter, order);
    const { sortNull, sortKey, innerOrder, outerOrder, after } = keyset(order, options.after);
    const conditions = [...this.conditions(scope, filter), ...(after ? [after] : [])];
    // Sorting every client carries only its id and sort key; the page's rows are read afterwards.
    const { rows } = await sql<PortfolioRow & { sortNull: boolean; sortValue: unknown }>`
      select ${CURRENT_COLUMNS}, ${HISTORY_COLUMNS}, p.sort_null, p.sort_value, p.sort_key
      from (
        select c.id, ${sortNull} as sort_null, ${sortKey} as sort_value, ${sortKey}::text as sort_key
        from clients c
        left join client_scorecards cs on cs.client_id = c.id
        ${everyClient ? historyJoins('c', 'cs') : sql``}
        where ${sql.join(conditions, sql` and `)}
        order by ${innerOrder}
        limit ${options.limit + 1}
      ) p
      join clients c on c.id = p.id
      left join client_scorecards cs on cs.client_id = p.id
      ${historyJoins('c', 'cs')}
      order by ${outerOrder}`.execute(scope.db);
    return rows.map(({ sortNull: valueMissing, sortValue: _value, ...row }) => ({ ...row, sortKey: `${valueMissing ? 1 : 0}|${row.sortKey}` }));
  }

  /**
   * The current scores of every client matching the filter, for the portfolio figures, and a
   * fingerprint of which evaluation each of them is on: the fixes depend on nothing else.
   */
  async summary(scope: TenantScope, filter: PortfolioFilter): Promise<PortfolioSummary> {
    const { rows } = await sql<PortfolioSummary>`
      select
        coalesce(array_agg(cs.score) filter (where cs.run_id is not null), '{}') as scores,
        count(*) filter (where cs.run_id is null)::integer as not_evaluated,
        -- Which evaluation each client is on, order-free and cheap: a count and an XOR of 64-bit hashes.
        count(cs.run_id) || ':' || coalesce(bit_xor(hashtextextended(c.id::text || cs.run_id::text, 0)), 0) as fingerprint
      from clients c
      left join client_scorecards cs on cs.client_id = c.id
      ${this.historyIfFiltered(filter)}
      where ${sql.join(this.conditions(scope, filter), sql` and `)}`.execute(scope.db);
    return rows[0]!;
  }

  /** Controls ranked by the points they would recover summed over the matching clients that have a score. */
  async fixes(scope: TenantScope, filter: PortfolioFilter, limit: number): Promise<FixRow[]> {
    const { rows } = await sql<FixRow>`
      select cr.control_id, min(cr.control_key) as key, min(cr.name) as name, min(cr.severity) as severity, min(cr.category) as category,
        count(*)::integer as clients, sum(cr.points_recoverable) as points_recoverable
      from clients c
      join client_scorecards cs on cs.client_id = c.id
      ${this.historyIfFiltered(filter)}
      join control_results cr on cr.run_id = cs.run_id and cr.client_id = cs.client_id and cr.points_recoverable > 0
      where ${sql.join(this.conditions(scope, filter), sql` and `)} and cs.score is not null
      group by cr.control_id
      order by points_recoverable desc, key
      limit ${limit}`.execute(scope.db);
    return rows;
  }

  /** The statuses of the given clients' current results, for the heat map. */
  async statuses(scope: TenantScope, clients: readonly { id: string; runId: string | null }[], category: ControlCategory | undefined): Promise<HeatmapCell[]> {
    const evaluated = clients.filter((client): client is { id: string; runId: string } => client.runId !== null);
    if (evaluated.length === 0) return [];
    const pairs = evaluated.map((client) => sql`(${client.runId}::uuid, ${client.id}::uuid)`);
    const { rows } = await sql<HeatmapCell>`
      select cr.client_id, cr.control_id, cr.status
      from control_results cr
      where (cr.run_id, cr.client_id) in (${sql.join(pairs)})
      ${category ? sql`and cr.category = ${category}` : sql``}`.execute(scope.db);
    return rows;
  }

  /** The tenant's catalog (built-in and its own controls, not retired), in catalog order. */
  async catalog(scope: TenantScope, category: ControlCategory | undefined): Promise<CatalogControl[]> {
    let query = scope.db
      .selectFrom('controls')
      .select(['id as controlId', 'key', 'name', 'category', 'severity'])
      .where('retiredAt', 'is', null)
      .where((eb) => eb.or([eb('tenantId', 'is', null), eb('tenantId', '=', scope.tenantId)]));
    if (category) query = query.where('category', '=', category);
    return query.orderBy('category').orderBy('position').orderBy('key').execute();
  }

  private historyIfFiltered(filter: PortfolioFilter): RawBuilder<unknown> {
    return filter.changed !== undefined && filter.changedSince !== 'previousRun' ? historyJoins('c', 'cs') : sql``;
  }

  private conditions(scope: TenantScope, filter: PortfolioFilter): RawBuilder<unknown>[] {
    const conditions: RawBuilder<unknown>[] = [sql`c.tenant_id = ${scope.tenantId}`, sql`c.status = 'active'`];
    if (filter.name) conditions.push(sql`c.name ilike ${`%${escapeLike(filter.name)}%`}`);
    if (filter.baseline) conditions.push(sql`c.baseline = ${filter.baseline}`);
    if (filter.grade?.length) conditions.push(sql`cs.grade in (${sql.join(filter.grade)})`);
    if (filter.minScore !== undefined) conditions.push(sql`cs.score >= ${filter.minScore}`);
    if (filter.maxScore !== undefined) conditions.push(sql`cs.score <= ${filter.maxScore}`);
    if (filter.changed) {
      const change = CHANGE[filter.changedSince];
      conditions.push(filter.changed === 'up' ? sql`${change} > 0` : filter.changed === 'down' ? sql`${change} < 0` : sql`${change} <> 0`);
    }
    return conditions;
  }
}

/**
 * The client's latest evaluation at least 30 days before its current one (as the client scorecard
 * compares), and its latest QBR mark. `client` names the relation holding the client's `id`,
 * `current` the one holding its current `evaluated_at`.
 */
function historyJoins(client: string, current: string): RawBuilder<unknown> {
  return sql`
    left join lateral (
      select rc.score from run_clients rc
      where rc.client_id = ${sql.ref(`${client}.id`)} and rc.status = 'succeeded'
        and rc.evaluated_at <= ${sql.ref(`${current}.evaluated_at`)} - make_interval(days => ${MONTH_DAYS})
      order by rc.evaluated_at desc limit 1
    ) month on true
    left join lateral (
      select q.reviewed_at, q.score from qbr_marks q
      where q.client_id = ${sql.ref(`${client}.id`)}
      order by q.reviewed_at desc limit 1
    ) qbr on true`;
}

/**
 * Keyset paging over a computed sort: clients without the value last, then the value (negated for
 * descending, so every column sorts ascending and one row comparison finds the next page), then id.
 * Cursor keys are `<1 when null, else 0>|<value>`.
 */
function keyset(order: SortOrder, after: Position | undefined) {
  const [nullFlag, afterValue] = after ? splitKey(after.key) : [];
  if (order.field === 'name') {
    const direction = sql.raw(order.descending ? 'desc' : 'asc');
    return {
      sortNull: sql`false`,
      sortKey: sql`c.name`,
      innerOrder: sql`c.name ${direction}, c.id ${direction}`,
      outerOrder: sql`p.sort_value ${direction}, p.id ${direction}`,
      after: after && sql`(c.name, c.id) ${sql.raw(order.descending ? '<' : '>')} (${afterValue}, ${after.id}::uuid)`,
    };
  }
  const value = SORT_VALUE[order.field];
  const coalesced = sql`coalesce(${order.descending ? sql`-(${value})` : value}, 0)`;
  return {
    sortNull: sql`(${value} is null)`,
    sortKey: coalesced,
    innerOrder: sql`(${value} is null), ${coalesced}, c.id`,
    outerOrder: sql`p.sort_null, p.sort_value, p.id`,
    after: after && sql`((${value} is null), ${coalesced}, c.id) > (${nullFlag === '1'}, ${numericKey(afterValue!)}::double precision, ${after.id}::uuid)`,
  };
}

function splitKey(key: string): [string, string] {
  const bar = key.indexOf('|');
  if (bar < 0) throw invalidCursor();
  return [key.slice(0, bar), key.slice(bar + 1)];
}

function numericKey(text: string): number {
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) throw invalidCursor();
  return value;
}

function invalidCursor(): BadRequestException {
  return new BadRequestException({ message: 'cursor is not a cursor this API issued', details: [{ field: 'cursor', message: 'cursor is malformed' }] });
}
