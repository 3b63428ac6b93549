import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import type { ErrorResponseDto, FieldError } from './error-response.js';

interface HttpExceptionBody {
  message?: string | string[];
  details?: FieldError[];
  retryAfterSeconds?: number;
}

/** Turns every exception into the documented error shape; anything unexpected is a logged 500. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = toErrorResponse(exception, requestIdOf(request));
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'Unhandled error');
    }
    const retryAfter = exception instanceof HttpException ? (exception.getResponse() as HttpExceptionBody).retryAfterSeconds : undefined;
    // A streamed export that fails half-way has sent its headers already: its connection is cut instead.
    if (response.headersSent) return;
    if (retryAfter !== undefined) response.setHeader('Retry-After', String(retryAfter));
    response.status(body.statusCode).json(body);
  }
}

export function toErrorResponse(exception: unknown, requestId: string): ErrorResponseDto {
  if (!(exception instanceof HttpException)) {
    return { statusCode: 500, error: STATUS_CODES[500]!, message: 'Internal server error', requestId };
  }
  const statusCode = exception.getStatus();
  const raw = exception.getResponse();
  const body: HttpExceptionBody = typeof raw === 'string' ? { message: raw } : (raw as HttpExceptionBody);
  const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? exception.message);
  return {
    statusCode,
    error: STATUS_CODES[statusCode] ?? HttpStatus[statusCode] ?? 'Error',
    message,
    ...(body.details?.length ? { details: body.details } : {}),
    requestId,
  };
}

export function requestIdOf(request: Request): string {
  return String((request as Request & { id?: string }).id ?? '');
}
