import { Injectable } from '@nestjs/common';

import type { Caller } from '../../auth/caller.js';
import { decodeCursor, type Page, toPage } from '../../common/pagination/page.js';
import { Database, type TenantScope } from '../../database/database.js';
import { roundScore, scoreChange, scorePortfolio } from '../../scoring/scoring.js';
import { keysetPages } from '../../common/export/stream-export.js';
import type { ControlCategory } from '../../controls/catalog/control-definition.js';
import type {
  HeatmapControlDto,
  HeatmapDto,
  HeatmapExportQueryDto,
  HeatmapQueryDto,
  HeatmapRowDto,
  PortfolioClientDto,
  PortfolioExportQueryDto,
  PortfolioFilterDto,
  PortfolioFixDto,
  PortfolioScorecardDto,
  PortfolioTotalsDto,
} from '../dto/portfolio.dto.js';
import { isStale, parseSort, type PortfolioFilter } from './portfolio-query.js';
import { type FixRow, PortfolioRepository, type PortfolioRow } from './portfolio.repository.js';

/** Fixes listed with the first page of the scorecard. */
const FIXES_SHOWN = 10;
/** Clients an export reads per query: large enough to be quick, small enough to hold no lock for long. */
const EXPORT_PAGE_SIZE = 500;

/** The account manager's morning view: every client's standing, the portfolio's, and what to fix first. */
@Injectable()
export class PortfolioService {
  constructor(
    private readonly database: Database,
    private readonly portfolio: PortfolioRepository,
  ) {}

  scorecard(caller: Caller, query: PortfolioFilterDto, now = new Date()): Promise<PortfolioScorecardDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const filter = filterOf(query);
      const page = await this.clientPage(scope, query, now);
      const totals = await this.totals(scope, filter, now);
      const fixes = query.cursor ? null : (await this.portfolio.fixes(scope, filter, now, FIXES_SHOWN)).map((fix) => toFix(fix, totals.scoredClients));
      return { portfolio: totals, fixes, ...page };
    });
  }

  heatmap(caller: Caller, query: HeatmapQueryDto, now = new Date()): Promise<HeatmapDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const { rows, page } = await this.rowsAndPage(scope, query, now);
      const [controls, cells] = await Promise.all([this.portfolio.catalog(scope, query.category), this.portfolio.statuses(scope, rows, query.category)]);
      const column = new Map(controls.map((control, index) => [control.controlId, index]));
      const statuses = new Map(rows.map((row) => [row.id, controls.map((): HeatmapDto['data'][number]['statuses'][number] => null)]));
      for (const cell of cells) {
        const index = column.get(cell.controlId);
        if (index !== undefined) statuses.get(cell.clientId)![index] = cell.status;
      }
      return {
        controls,
        data: page.data.map((client) => ({ clientId: client.clientId, name: client.name, score: client.score, grade: client.grade, statuses: statuses.get(client.clientId)! })),
        nextCursor: page.nextCursor,
      };
    });
  }

  /** Every matching client, a page (and a transaction) at a time, for the export. */
  clientPages(caller: Caller, query: PortfolioExportQueryDto, now: Date): AsyncIterable<PortfolioClientDto[]> {
    return keysetPages((cursor: string | undefined) =>
      this.database.inTenant(caller.tenantId, async (scope) => {
        const page = await this.clientPage(scope, { ...query, limit: EXPORT_PAGE_SIZE, cursor }, now);
        return { rows: page.data, next: page.nextCursor ?? undefined };
      }),
    );
  }

  /** The heat map of every matching client, a page at a time, for the export. */
  heatmapPages(caller: Caller, query: HeatmapExportQueryDto, now: Date): AsyncIterable<HeatmapRowDto[]> {
    return keysetPages(async (cursor: string | undefined) => {
      const page = await this.heatmap(caller, { ...query, limit: EXPORT_PAGE_SIZE, cursor }, now);
      return { rows: page.data, next: page.nextCursor ?? undefined };
    });
  }

  totalsFor(caller: Caller, query: PortfolioExportQueryDto, now: Date): Promise<PortfolioTotalsDto> {
    return this.database.inTenant(caller.tenantId, (scope) => this.totals(scope, filterOf(query), now));
  }

  catalog(caller: Caller, category: ControlCategory | undefined): Promise<HeatmapControlDto[]> {
    return this.database.inTenant(caller.tenantId, (scope) => this.portfolio.catalog(scope, category));
  }

  private async clientPage(scope: TenantScope, query: PortfolioFilterDto, now: Date): Promise<Page<PortfolioClientDto>> {
    return (await this.rowsAndPage(scope, query, now)).page;
  }

  /** The portfolio figures over every client matching the filter, with the one scoring formula. */
  private async totals(scope: TenantScope, filter: PortfolioFilter, now: Date): Promise<PortfolioTotalsDto> {
    const clients = await this.portfolio.scores(scope, filter, now);
    const evaluated = clients.filter((client) => client.evaluated);
    const { score, grade, scoredClients, unscoredClients, distribution } = scorePortfolio(evaluated.map((client) => client.score));
    return { score, grade, clients: clients.length, scoredClients, unscoredClients, notEvaluated: clients.length - evaluated.length, distribution };
  }

  private async rowsAndPage(scope: TenantScope, query: PortfolioFilterDto, now: Date): Promise<{ rows: PortfolioRow[]; page: Page<PortfolioClientDto> }> {
    const after = decodeCursor(query.cursor, query.sort);
    const rows = await this.portfolio.page(scope, filterOf(query), parseSort(query.sort), { limit: query.limit, after, now });
    return { rows: rows.slice(0, query.limit), page: toPage(rows, query.limit, query.sort, (row) => toClient(row, now)) };
  }
}

function filterOf(query: PortfolioFilter): PortfolioFilter {
  return { name: query.name, baseline: query.baseline, grade: query.grade, minScore: query.minScore, maxScore: query.maxScore, changed: query.changed, changedSince: query.changedSince };
}

function toClient(row: PortfolioRow, now: Date): PortfolioClientDto {
  return {
    clientId: row.id,
    name: row.name,
    baseline: row.baseline,
    score: row.score,
    grade: row.grade,
    runId: row.runId,
    change: { previousRun: scoreChange(row.score, row.previousScore), days30: scoreChange(row.score, row.monthScore), sinceQbr: scoreChange(row.score, row.qbrScore) },
    lastQbr: row.qbrReviewedAt ? { reviewedAt: row.qbrReviewedAt.toISOString(), score: row.qbrScore } : null,
    failingCritical: row.failingCritical ?? [],
    freshness: { evaluatedAt: row.evaluatedAt?.toISOString() ?? null, evidenceAt: row.evidenceAt?.toISOString() ?? null, stale: isStale(row.evaluatedAt, row.evidenceAt, now) },
  };
}

function toFix(fix: FixRow, scoredClients: number): PortfolioFixDto {
  return { ...fix, pointsRecoverable: roundScore(fix.pointsRecoverable), portfolioLift: scoredClients === 0 ? 0 : roundScore(fix.pointsRecoverable / scoredClients) };
}
