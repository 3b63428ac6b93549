import { BadRequestException } from '@nestjs/common';
import { describe, expect, it } from '@jest/globals';
import { decodeCursor, encodeCursor, toPage } from './page.js';

const ID = '0b6f3f4e-8c1a-4d3b-9a8e-2f1c0d9e8b7a';

describe('cursors', () => {
  it('round-trips a position for the same sort', () => {
    const cursor = encodeCursor('name', { key: 'Müller Zahntechnik GmbH', id: ID });
    expect(decodeCursor(cursor, 'name')).toEqual({ key: 'Müller Zahntechnik GmbH', id: ID });
  });

  it('is absent when no cursor is given', () => {
    expect(decodeCursor(undefined, 'name')).toBeUndefined();
  });

  it('refuses a cursor issued for another sort', () => {
    const cursor = encodeCursor('name', { key: 'a', id: ID });
    expect(() => decodeCursor(cursor, '-createdAt')).toThrow(/different sort/);
  });

  it.each(['garbage', Buffer.from('{"o":"name","k":"a","i":"not-a-uuid"}').toString('base64url'), Buffer.from('[1,2]').toString('base64url'), ''])(
    'refuses a cursor it did not issue: %p',
    (cursor) => {
      expect(() => decodeCursor(cursor, 'name')).toThrow(BadRequestException);
    },
  );
});

describe(toPage.name, () => {
  const rows = [1, 2, 3].map((n) => ({ n, id: ID, sortKey: String(n) }));

  it('drops the probe row and points the cursor at the last row shown', () => {
    const page = toPage(rows, 2, 'name', (row) => row.n);
    expect(page.data).toEqual([1, 2]);
    expect(decodeCursor(page.nextCursor!, 'name')).toEqual({ key: '2', id: ID });
  });

  it('has no next cursor on the last page', () => {
    expect(toPage(rows, 3, 'name', (row) => row.n).nextCursor).toBeNull();
  });
});
