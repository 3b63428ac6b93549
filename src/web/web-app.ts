import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_PREFIX } from '../common/http/openapi.js';

/** `dist/web` above this file, where `npm run build` puts the web app; undefined before a build. */
export function webAppDirectory(from = path.dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let directory = from; ; directory = path.dirname(directory)) {
    const candidate = path.join(directory, 'dist', 'web');
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
    if (path.dirname(directory) === directory) return undefined;
  }
}

/**
 * Serves the built web app next to the API: hashed assets cached for a year, and index.html (never
 * cached, so a deploy shows at once) for every other GET outside the API, where the app's router
 * takes over.
 */
export function serveWebApp(app: NestExpressApplication, directory: string): void {
  const indexFile = path.join(directory, 'index.html');
  app.useStaticAssets(path.join(directory, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d', fallthrough: false });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !isApiPath(request.path) && request.accepts(['html', 'json']) === 'html';
    if (!isPage) return next();
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(indexFile);
  });
}

/** `/api`: the versioned API and its documentation (`/api/docs`) both live under it. */
const API_ROOT = `/${API_PREFIX.split('/')[0]}`;

function isApiPath(requestPath: string): boolean {
  return requestPath === API_ROOT || requestPath.startsWith(`${API_ROOT}/`);
}
