import { Global, Module } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { Writable } from 'node:stream';
import { LoggerModule } from 'nestjs-pino';
import { RAMPART_CONFIG, type RampartConfig } from '../config/config.js';
import type { AuthenticatedRequest } from '../auth/auth.decorators.js';

/** Where log lines go: stdout, or a test's capture stream. */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

/** Headers and fields that carry secrets; pino replaces their values before a line is written. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.secret',
  '*.clientSecret',
  '*.apiKey',
  '*.key',
  '*.token',
];

@Global()
@Module({
  providers: [{ provide: LOG_DESTINATION, useValue: process.stdout }],
  exports: [LOG_DESTINATION],
})
class LogDestinationModule {}

@Module({
  imports: [
    LogDestinationModule,
    LoggerModule.forRootAsync({
      inject: [RAMPART_CONFIG, LOG_DESTINATION],
      useFactory: (config: RampartConfig, destination: Writable) => ({
        pinoHttp: [
          {
            level: config.logLevel,
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
            genReqId: (request: IncomingMessage) => (request as AuthenticatedRequest).id,
            customProps: (request: IncomingMessage) => ({ tenantId: (request as AuthenticatedRequest).caller?.tenantId }),
            customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info'),
          },
          destination,
        ],
      }),
    }),
  ],
})
export class LoggingModule {}
