import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request an id: the caller's `x-request-id` when it is a sane token (so a trace can
 * cross systems), a new UUID otherwise. Echoed in the response header, error bodies, logs and audit.
 */
export function assignRequestId(request: Request, response: Response, next: NextFunction): void {
  const offered = request.header('x-request-id');
  const id = offered && ACCEPTABLE_ID.test(offered) ? offered : randomUUID();
  (request as Request & { id: string }).id = id;
  response.setHeader('x-request-id', id);
  next();
}
