import { Global, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { RAMPART_CONFIG, type RampartConfig } from '../config/config.js';
import { Database } from './database.js';

@Injectable()
class DatabaseCloser implements OnApplicationShutdown {
  constructor(private readonly database: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: Database,
      inject: [RAMPART_CONFIG],
      useFactory: (config: RampartConfig) => Database.open({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize }),
    },
    DatabaseCloser,
  ],
  exports: [Database],
})
export class DatabaseModule {}

