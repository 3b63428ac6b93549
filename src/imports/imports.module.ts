import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ClientsModule } from '../clients/clients.module.js';
import { IntegrationsModule } from '../integrations/integrations.module.js';
import { CsvImportService } from './csv-import.service.js';
import { ImportsController } from './imports.controller.js';

@Module({
  imports: [AuditModule, ClientsModule, IntegrationsModule],
  controllers: [ImportsController],
  providers: [CsvImportService],
  exports: [CsvImportService],
})
export class ImportsModule {}
