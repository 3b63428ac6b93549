import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module.js';
import { ClientsModule } from '../clients/clients.module.js';
import { ClientHistoryRepository } from './client/client-history.repository.js';
import { ClientScorecardController } from './client/client-scorecard.controller.js';
import { ClientScorecardService } from './client/client-scorecard.service.js';
import { QbrMarksRepository } from './client/qbr-marks.repository.js';
import { PortfolioController } from './portfolio/portfolio.controller.js';
import { PortfolioRepository } from './portfolio/portfolio.repository.js';
import { PortfolioService } from './portfolio/portfolio.service.js';
import { ScorecardCache } from './scorecard-cache.js';

/** Read models over stored evaluations: the portfolio, each client's scorecard, its history and reviews. */
@Module({
  imports: [AuditModule, ClientsModule],
  controllers: [PortfolioController, ClientScorecardController],
  providers: [ScorecardCache, PortfolioRepository, PortfolioService, ClientHistoryRepository, QbrMarksRepository, ClientScorecardService],
  exports: [PortfolioService, ClientScorecardService],
})
export class ScorecardsModule {}
