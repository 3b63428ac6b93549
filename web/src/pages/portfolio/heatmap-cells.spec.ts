import { describe, expect, it } from '@jest/globals';
import { CELL_LOOKS, LEGEND_ORDER, cellLabel, cellStatus, groupByCategory } from './heatmap-cells.js';
import type { HeatmapControl } from './portfolio-types.js';

describe('cellLabel', () => {
  it('names the client, the control and the status in words', () => {
    expect(cellLabel('Atlas Freight Brokers', 'Backups succeeding', 'fail')).toBe('Atlas Freight Brokers, Backups succeeding: fail');
    expect(cellLabel('Atlas', 'DMARC', 'no_data')).toBe('Atlas, DMARC: no data');
    expect(cellLabel('Atlas', 'DMARC', 'not_applicable')).toBe('Atlas, DMARC: not applicable');
  });

  it('reads a missing or unknown status as not evaluated', () => {
    expect(cellLabel('Atlas', 'DMARC', null)).toBe('Atlas, DMARC: not evaluated');
    expect(cellStatus('quantum')).toBe('none');
    expect(cellStatus('excepted')).toBe('excepted');
  });
});

describe('the legend', () => {
  it('gives every status a distinct symbol, so colour is never the only signal', () => {
    const symbols = LEGEND_ORDER.filter((status) => status !== 'none').map((status) => CELL_LOOKS[status].symbol);
    expect(new Set(symbols).size).toBe(symbols.length);
    expect(symbols.every((symbol) => symbol.length > 0)).toBe(true);
  });
});

describe('groupByCategory', () => {
  const control = (key: string, category: HeatmapControl['category']): HeatmapControl => ({ controlId: key, key, name: key, category, severity: 'high' });

  it('keeps the API order and each control\'s index into the statuses', () => {
    const groups = groupByCategory([control('a', 'identity'), control('b', 'identity'), control('c', 'email'), control('d', 'identity')]);
    expect(groups.map((group) => [group.category, group.controls.map((entry) => `${entry.control.key}@${entry.index}`)])).toEqual([
      ['identity', ['a@0', 'b@1', 'd@3']],
      ['email', ['c@2']],
    ]);
  });
});
