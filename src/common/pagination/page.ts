import { ApiPropertyOptional } from '@nestjs/swagger';
import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { isUuidText } from '../validation/uuid.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** `limit` and `cursor`, shared by every list route. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  @IsInt()
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page\'s `nextCursor`.' })
  @IsOptional()
  @MaxLength(1000)
  @IsString()
  cursor?: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Where the previous page stopped: the sort key and id of its last row, for keyset paging. */
export interface Position {
  key: string;
  id: string;
}

/**
 * Cursors are opaque to callers but bound to the list order they came from, so a cursor reused with
 * another `sort` is refused instead of silently skipping rows.
 */
export function encodeCursor(order: string, position: Position): string {
  return Buffer.from(JSON.stringify({ o: order, k: position.key, i: position.id })).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, order: string): Position | undefined {
  if (cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const { o, k, i } = (parsed ?? {}) as Record<string, unknown>;
  if (typeof k !== 'string' || !isUuidText(i)) throw invalidCursor();
  if (o !== order) {
    throw new BadRequestException({
      message: 'cursor belongs to a list with a different sort; start again without cursor',
      details: [{ field: 'cursor', message: 'cursor does not match sort' }],
    });
  }
  return { key: k, id: i };
}

function invalidCursor(): BadRequestException {
  return new BadRequestException({
    message: 'cursor is not a cursor this API issued',
    details: [{ field: 'cursor', message: 'cursor is malformed' }],
  });
}

/** A row as list queries return it: its sort key as text beside its id, the two a cursor carries. */
export interface Keyed {
  sortKey: string;
  id: string;
}

/** Cuts the extra row fetched to learn whether another page exists, and makes its cursor. */
export function toPage<Row extends Keyed, T>(rows: Row[], limit: number, order: string, map: (row: Row) => T): Page<T> {
  const hasMore = rows.length > limit;
  const shown = hasMore ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1]!;
  return {
    data: shown.map(map),
    nextCursor: hasMore ? encodeCursor(order, { key: last.sortKey, id: last.id }) : null,
  };
}
