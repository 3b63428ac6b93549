import { describe, expect, it } from '@jest/globals';

import { groupBy } from './group-by.js';

describe('groupBy', () => {
  it('gathers mapped rows under their key, in the order the rows came', () => {
    const rows = [{ run: 'a', id: 1 }, { run: 'b', id: 2 }, { run: 'a', id: 3 }];
    const groups = groupBy(rows, (row) => [row.run, row.id]);
    expect([...groups]).toEqual([['a', [1, 3]], ['b', [2]]]);
  });

  it('gives an empty map for no rows', () => {
    expect(groupBy([], (row: string) => [row, row]).size).toBe(0);
  });
});
