import { type RawBuilder, sql } from 'kysely';
import type { Position } from '../common/pagination/page.js';

export type SortDirection = 'asc' | 'desc';
export type KeyType = 'text' | 'timestamptz';

/**
 * `(column, id)` strictly after `position` in the list order: keyset paging that stays stable while
 * rows are inserted. Timestamps travel as PostgreSQL text, which keeps their microseconds.
 */
export function afterPosition(table: string, column: string, keyType: KeyType, direction: SortDirection, position: Position, idColumn = 'id'): RawBuilder<boolean> {
  const comparison = direction === 'asc' ? sql.raw('>') : sql.raw('<');
  return sql<boolean>`(${sql.ref(`${table}.${column}`)}, ${sql.ref(`${table}.${idColumn}`)}) ${comparison} (cast(${position.key} as ${sql.raw(keyType)}), cast(${position.id} as uuid))`;
}

/** The sort column as text, the form a cursor carries. */
export function sortKeyOf(table: string, column: string): RawBuilder<string> {
  return sql<string>`${sql.ref(`${table}.${column}`)}::text`;
}
