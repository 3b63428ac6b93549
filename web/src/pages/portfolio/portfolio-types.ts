/** The shapes `GET /portfolio/scorecard` and `GET /portfolio/heatmap` answer with. */
import type { Page } from '../../api/client.js';
import type { Category, FailingCritical, Freshness, Grade, LastQbr, ScoreChanges, Severity } from '../../api/domain.js';

export interface PortfolioTotals {
  score: number | null;
  grade: Grade | null;
  clients: number;
  scoredClients: number;
  unscoredClients: number;
  notEvaluated: number;
  distribution: Partial<Record<Grade, number>>;
}

export interface PortfolioFix {
  controlId: string;
  key: string;
  name: string;
  severity: Severity;
  category: Category;
  clients: number;
  pointsRecoverable: number;
  portfolioLift: number;
}

export interface PortfolioClient {
  clientId: string;
  name: string;
  baseline: string | null;
  score: number | null;
  grade: Grade | null;
  runId: string | null;
  change: ScoreChanges;
  lastQbr: LastQbr | null;
  failingCritical: FailingCritical[];
  freshness: Freshness;
}

export interface PortfolioScorecard extends Page<PortfolioClient> {
  portfolio: PortfolioTotals;
  /** Only on the first page; null on later ones. */
  fixes: PortfolioFix[] | null;
}

export interface HeatmapControl {
  controlId: string;
  key: string;
  name: string;
  category: Category;
  severity: Severity;
}

export interface HeatmapRow {
  clientId: string;
  name: string;
  score: number | null;
  grade: Grade | null;
  /** One per control, in the order of `controls`; null where the control was not evaluated. */
  statuses: (string | null)[];
}

export interface Heatmap extends Page<HeatmapRow> {
  controls: HeatmapControl[];
}
