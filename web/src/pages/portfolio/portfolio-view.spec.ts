import { describe, expect, it } from '@jest/globals';
import { DEFAULT_VIEW, clientFilterQuery, clientListQuery, listKey, parseSort, parseView, serialiseView, sortParam, toggleSort } from './portfolio-view.js';

describe('parseView', () => {
  it('reads an empty URL as the default view', () => {
    expect(parseView(new URLSearchParams())).toEqual(DEFAULT_VIEW);
  });

  it('reads every filter, the sort, the page size, the tab and the category', () => {
    const view = parseView(new URLSearchParams('q=+atlas+&baseline=Premium&grade=d,C&changed=down&since=30d&sort=-failingCritical&size=200&view=heatmap&category=email'));
    expect(view).toEqual({
      search: 'atlas',
      baseline: 'Premium',
      grades: ['C', 'D'],
      changed: 'down',
      changedSince: '30d',
      sort: { key: 'failingCritical', direction: 'descending' },
      pageSize: 200,
      tab: 'heatmap',
      category: 'email',
    });
  });

  it('accepts repeated grades, drops unknown and duplicate ones and keeps A–F order', () => {
    expect(parseView(new URLSearchParams('grade=F&grade=B,Z&grade=f')).grades).toEqual(['B', 'F']);
  });

  it('falls back to defaults for values the page does not offer', () => {
    const view = parseView(new URLSearchParams('sort=-colour&size=7&view=chart&changed=sideways&since=never&category=plumbing'));
    expect(view).toEqual(DEFAULT_VIEW);
  });
});

describe('serialiseView', () => {
  it('leaves defaults out so a shared link stays short', () => {
    expect(serialiseView(DEFAULT_VIEW).toString()).toBe('');
  });

  it('round-trips through parseView', () => {
    const view = { ...DEFAULT_VIEW, search: 'Müller & Söhne', baseline: 'Standard', grades: ['D' as const, 'F' as const], changed: 'up' as const, changedSince: 'qbr' as const, sort: { key: 'name' as const, direction: 'descending' as const }, pageSize: 25 as const, tab: 'heatmap' as const, category: 'backup' as const };
    expect(parseView(new URLSearchParams(serialiseView(view).toString()))).toEqual(view);
  });

  it('only keeps the change window while a change filter uses it', () => {
    expect(serialiseView({ ...DEFAULT_VIEW, changedSince: '30d' }).toString()).toBe('');
    expect(serialiseView({ ...DEFAULT_VIEW, changed: 'any', changedSince: '30d' }).toString()).toBe('changed=any&since=30d');
  });
});

describe('sorting', () => {
  it('maps to and from the API parameter', () => {
    expect(parseSort('-change30d')).toEqual({ key: 'change30d', direction: 'descending' });
    expect(parseSort('name')).toEqual({ key: 'name', direction: 'ascending' });
    expect(parseSort(null)).toEqual({ key: 'score', direction: 'ascending' });
    expect(sortParam({ key: 'evaluatedAt', direction: 'descending' })).toBe('-evaluatedAt');
  });

  it('flips the sorted column and starts another at its worrying end', () => {
    expect(toggleSort({ key: 'score', direction: 'ascending' }, 'score')).toEqual({ key: 'score', direction: 'descending' });
    expect(toggleSort({ key: 'score', direction: 'descending' }, 'score')).toEqual({ key: 'score', direction: 'ascending' });
    expect(toggleSort({ key: 'score', direction: 'ascending' }, 'failingCritical')).toEqual({ key: 'failingCritical', direction: 'descending' });
    expect(toggleSort({ key: 'score', direction: 'descending' }, 'name')).toEqual({ key: 'name', direction: 'ascending' });
  });
});

describe('API queries', () => {
  it('sends only the filters in use, grades as a list and the window only with a change filter', () => {
    expect(clientFilterQuery(DEFAULT_VIEW)).toEqual({ name: undefined, baseline: undefined, grade: undefined, changed: undefined, changedSince: undefined });
    expect(clientListQuery({ ...DEFAULT_VIEW, search: 'atlas', grades: ['A', 'B'], changed: 'down', changedSince: 'qbr' })).toEqual({
      name: 'atlas',
      baseline: undefined,
      grade: ['A', 'B'],
      changed: 'down',
      changedSince: 'qbr',
      sort: 'score',
    });
  });

  it('gives the same list key for views that list the same clients in the same order', () => {
    expect(listKey({ ...DEFAULT_VIEW, tab: 'heatmap' })).toBe(listKey(DEFAULT_VIEW));
    expect(listKey({ ...DEFAULT_VIEW, baseline: 'Premium' })).not.toBe(listKey(DEFAULT_VIEW));
    expect(listKey(DEFAULT_VIEW, 100)).not.toBe(listKey(DEFAULT_VIEW, 50));
  });
});
