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
import { queryKey, ScorecardCache } from '../scorecard-cache.js';
import { isStale, parseSort, type PortfolioFilter } from './portfolio-query.js';
import { type FixRow, PortfolioRepository, type PortfolioRow, type PortfolioSummary } from './portfolio.repository.js';

/** Fixes listed with the first page of the scorecard. */
const FIXES_SHOWN = 10;
/** Clients an export reads per query: large enough to be quick, small enough to hold no lock for long. */
const EXPORT_PAGE_SIZE = 500;
/** Fingerprints of ranked fixes kept per process; a few per tenant and filter in use. */
const FIXES_CACHED = 500;

/** The account manager's morning view: every client's standing, the portfolio's, and what to fix first. */
@Injectable()
export class PortfolioService {
  /**
   * Ranked fixes by which evaluation each matching client is on: a result never changes once its
   * run has stored it, so the same clients on the same runs rank the same, and the sum over every
   * client's results (the costly part of the scorecard) is only done again when an evaluation lands.
   */
  private readonly fixesByFingerprint = new Map<string, FixRow[]>();

  constructor(
    private readonly database: Database,
    private readonly portfolio: PortfolioRepository,
    private readonly cache: ScorecardCache,
  ) {}

  scorecard(caller: Caller, query: PortfolioFilterDto, now = new Date()): Promise<PortfolioScorecardDto> {
    return this.cache.through(caller.tenantId, queryKey('portfolio/scorecard', query), () => this.computeScorecard(caller, query, now));
  }

  heatmap(caller: Caller, query: HeatmapQueryDto, now = new Date()): Promise<HeatmapDto> {
    return this.cache.through(caller.tenantId, queryKey('portfolio/heatmap', query), () =>
      this.database.inTenant(caller.tenantId, async (scope) => {
        const controls = await this.portfolio.catalog(scope, query.category);
        return { controls, ...(await this.heatmapPage(scope, query, controls, now)) };
      }),
    );
  }

  private computeScorecard(caller: Caller, query: PortfolioFilterDto, now: Date): Promise<PortfolioScorecardDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const filter = filterOf(query);
      const { page } = await this.rowsAndPage(scope, query, now);
      const summary = await this.portfolio.summary(scope, filter);
      const totals = totalsOf(summary);
      const fixes = query.cursor ? null : (await this.rankedFixes(scope, filter, summary.fingerprint)).map((fix) => toFix(fix, totals.scoredClients));
      return { portfolio: totals, fixes, ...page };
    });
  }

  /** Every matching client, a page (and a transaction) at a time, for the export. */
  clientPages(caller: Caller, query: PortfolioExportQueryDto, now: Date): AsyncIterable<PortfolioClientDto[]> {
    return keysetPages((cursor: string | undefined) =>
      this.database.inTenant(caller.tenantId, async (scope) => {
        const { page } = await this.rowsAndPage(scope, { ...query, limit: EXPORT_PAGE_SIZE, cursor }, now);
        return { rows: page.data, next: page.nextCursor ?? undefined };
      }),
    );
  }

  /** The heat map of every matching client, a page at a time, every page against the same columns. */
  heatmapPages(caller: Caller, query: HeatmapExportQueryDto, controls: readonly HeatmapControlDto[], now: Date): AsyncIterable<HeatmapRowDto[]> {
    return keysetPages((cursor: string | undefined) =>
      this.database.inTenant(caller.tenantId, async (scope) => {
        const page = await this.heatmapPage(scope, { ...query, limit: EXPORT_PAGE_SIZE, cursor }, controls, now);
        return { rows: page.data, next: page.nextCursor ?? undefined };
      }),
    );
  }

  totalsFor(caller: Caller, query: PortfolioExportQueryDto): Promise<PortfolioTotalsDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => totalsOf(await this.portfolio.summary(scope, filterOf(query))));
  }

  catalog(caller: Caller, category: ControlCategory | undefined): Promise<HeatmapControlDto[]> {
    return this.database.inTenant(caller.tenantId, (scope) => this.portfolio.catalog(scope, category));
  }

  private async rankedFixes(scope: TenantScope, filter: PortfolioFilter, fingerprint: string): Promise<FixRow[]> {
    const key = `${scope.tenantId}:${fingerprint}`;
    const cached = this.fixesByFingerprint.get(key);
    if (cached) return cached;
    const fixes = await this.portfolio.fixes(scope, filter, FIXES_SHOWN);
    this.fixesByFingerprint.set(key, fixes);
    if (this.fixesByFingerprint.size > FIXES_CACHED) this.fixesByFingerprint.delete(this.fixesByFingerprint.keys().next().value!);
    return fixes;
  }

  private async heatmapPage(scope: TenantScope, query: HeatmapQueryDto, controls: readonly HeatmapControlDto[], now: Date): Promise<Page<HeatmapRowDto>> {
    const { rows, page } = await this.rowsAndPage(scope, query, now);
    const cells = await this.portfolio.statuses(scope, rows, query.category);
    const column = new Map(controls.map((control, index) => [control.controlId, index]));
    const statuses = new Map(rows.map((row) => [row.id, controls.map((): HeatmapRowDto['statuses'][number] => null)]));
    for (const cell of cells) {
      const index = column.get(cell.controlId);
      if (index !== undefined) statuses.get(cell.clientId)![index] = cell.status;
    }
    return {
      data: page.data.map((client) => ({ clientId: client.clientId, name: client.name, score: client.score, grade: client.grade, statuses: statuses.get(client.clientId)! })),
      nextCursor: page.nextCursor,
    };
  }

  private async rowsAndPage(scope: TenantScope, query: PortfolioFilterDto, now: Date): Promise<{ rows: PortfolioRow[]; page: Page<PortfolioClientDto> }> {
    const after = decodeCursor(query.cursor, query.sort);
    const rows = await this.portfolio.page(scope, filterOf(query), parseSort(query.sort), { limit: query.limit, after });
    return { rows: rows.slice(0, query.limit), page: toPage(rows, query.limit, query.sort, (row) => toClient(row, now)) };
  }
}

/** The portfolio figures over every client matching the filter, with the one scoring formula. */
function totalsOf({ scores, notEvaluated }: PortfolioSummary): PortfolioTotalsDto {
  const { score, grade, scoredClients, unscoredClients, distribution } = scorePortfolio(scores);
  return { score, grade, clients: scores.length + notEvaluated, scoredClients, unscoredClients, notEvaluated, distribution };
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
