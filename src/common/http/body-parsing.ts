import express, { type NextFunction, type Request, type Response } from 'express';
import { HttpException, HttpStatus, PayloadTooLargeException, BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import { requestIdOf, toErrorResponse } from '../errors/http-exception.filter.js';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

const JSON_TYPES = ['application/json', 'application/*+json'];
/** The one route that takes a spreadsheet rather than JSON. */
export const CSV_UPLOAD_PATH = '/api/v1/imports/csv';
const CSV_LIMIT = '10mb';
/** The one route that takes an image: the tenant's logo for PDF reports. */
export const LOGO_UPLOAD_PATH = '/api/v1/branding/logo';
/** 1 MiB, as the logo check allows; a larger body is refused while it streams in. */
const LOGO_LIMIT = 1024 * 1024;

/** A request that carries a body must say it is JSON (or CSV, where CSV is taken): anything else is a 415 naming the fix. */
export function requireJsonBody(request: Request, response: Response, next: NextFunction): void {
  const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  if (!hasBody || request.is(JSON_TYPES) || (request.path === CSV_UPLOAD_PATH && request.is('text/csv')) || (request.path === LOGO_UPLOAD_PATH && request.is('image/*'))) return next();
  const exception = new UnsupportedMediaTypeException(`Content-Type must be application/json, got ${request.headers['content-type'] ?? 'none'}`);
  response.status(exception.getStatus()).json(toErrorResponse(exception, requestIdOf(request)));
}

/** JSON bodies only, up to `limit`; parser failures answer in the documented error shape. */
export function jsonBodyParser(limit: string) {
  return express.json({ limit, strict: true, type: JSON_TYPES });
}

export function csvBodyParser() {
  return express.text({ limit: CSV_LIMIT, type: 'text/csv' });
}

/** Any image type reaches the route, so a GIF or SVG is refused with a message naming what is accepted. */
export function logoBodyParser() {
  return express.raw({ limit: LOGO_LIMIT, type: 'image/*' });
}

export function bodyParserErrorHandler(error: BodyParserError, request: Request, response: Response, next: NextFunction): void {
  const exception = toHttpException(error);
  if (!exception) return next(error);
  response.status(exception.getStatus()).json(toErrorResponse(exception, requestIdOf(request)));
}

function toHttpException(error: BodyParserError): HttpException | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return new BadRequestException(`Malformed JSON body: ${error.message}`);
    case 'entity.too.large':
      return new PayloadTooLargeException(`Request body is larger than the limit of ${error.limit} bytes`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new UnsupportedMediaTypeException(error.message);
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return new HttpException(error.message, error.status ?? HttpStatus.BAD_REQUEST);
    default:
      return undefined;
  }
}
