import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { BackgroundModule } from '../app.module.js';
import { migrateIfConfigured } from '../bootstrap.js';
import { ExpectedError } from '../common/errors/fatal-error.js';

export class CliError extends ExpectedError {}

export interface Output {
  json: boolean;
}

/** Prints `data` as one JSON document with --json, or the human text otherwise. */
export function print(output: Output, data: unknown, human: string): void {
  process.stdout.write(output.json ? `${JSON.stringify(data, null, 2)}\n` : `${human}\n`);
}

/** Runs a command against the same services as the server, then closes the database. */
export async function withApp<T>(work: (app: INestApplicationContext) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const app = await NestFactory.createApplicationContext(BackgroundModule, { logger: ['error', 'warn'], abortOnError: false });
  try {
    if (options.migrate !== false) await migrateIfConfigured(app);
    return await work(app);
  } finally {
    await app.close();
  }
}
