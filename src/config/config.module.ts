import { Global, Module } from '@nestjs/common';
import { loadConfig, RAMPART_CONFIG } from './config.js';

@Global()
@Module({
  providers: [{ provide: RAMPART_CONFIG, useFactory: () => loadConfig() }],
  exports: [RAMPART_CONFIG],
})
export class ConfigModule {}
