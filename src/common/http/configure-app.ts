import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { BootQuietLogger } from '../../logging/boot-quiet.logger.js';
import type { RampartConfig } from '../../config/config.js';
import { HttpExceptionFilter } from '../errors/http-exception.filter.js';
import { createValidationPipe } from '../validation/validation.pipe.js';
import { bodyParserErrorHandler, CSV_UPLOAD_PATH, csvBodyParser, jsonBodyParser, LOGO_UPLOAD_PATH, logoBodyParser, requireJsonBody } from './body-parsing.js';
import { API_PREFIX, serveOpenApi } from './openapi.js';
import { assignRequestId } from './request-id.js';
import { serveWebApp, webAppDirectory } from '../../web/web-app.js';

/**
 * Everything the HTTP server needs beyond its modules, in one place so the server and the e2e
 * tests run the same stack. The app must be created with `bodyParser: false`.
 */
export function configureApp(app: NestExpressApplication, config: RampartConfig): void {
  app.useLogger(new BootQuietLogger(app.get(Logger)));
  if (config.trustProxy !== undefined) app.set('trust proxy', parseTrustProxy(config.trustProxy));
  app.disable('x-powered-by');
  app.use(assignRequestId);
  app.use(helmet());
  const webApp = webAppDirectory();
  if (webApp) serveWebApp(app, webApp);
  app.use(requireJsonBody);
  app.use(jsonBodyParser(config.bodyLimit));
  app.use(CSV_UPLOAD_PATH, csvBodyParser());
  app.use(LOGO_UPLOAD_PATH, logoBodyParser());
  app.use(bodyParserErrorHandler);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();
  serveOpenApi(app);
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}
