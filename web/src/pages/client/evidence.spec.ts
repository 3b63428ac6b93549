import { describe, expect, it } from '@jest/globals';
import { formatDateTime } from '../../format.js';
import { describeEvidence, describeValue, labelOf } from './evidence.js';

describe('labelOf', () => {
  it('turns keys into sentence-case labels', () => {
    expect(labelOf('assetsOfKind')).toBe('Assets of kind');
    expect(labelOf('ageDays')).toBe('Age (days)');
    expect(labelOf('fact')).toBe('Fact');
    expect(labelOf('last_success_at')).toBe('Last success at');
  });
});

describe('describeEvidence', () => {
  it('formats a fact: dates readable, numbers rounded', () => {
    const entries = describeEvidence({ fact: 'backup.last_success_at', value: '2026-08-24T22:44:22.899Z', ageDays: 91, ratio: 0.1999845752 });
    expect(entries.map((entry) => entry.label)).toEqual(['Fact', 'Value', 'Age (days)', 'Ratio']);
    expect(entries[0]!.value).toEqual({ kind: 'text', text: 'backup.last_success_at' });
    expect(entries[1]!.value).toEqual({ kind: 'text', text: formatDateTime('2026-08-24T22:44:22.899Z') });
    expect(entries[3]!.value).toEqual({ kind: 'text', text: '0.2' });
  });

  it('joins lists of plain values and words asset conditions as phrases', () => {
    const [kinds, conditions] = describeEvidence({
      kinds: ['workstation', 'server'],
      conditions: [
        { op: 'within_days', field: 'lastSeenAt', value: 14 },
        { op: 'not_contains_any', field: 'antivirusStatus', value: ['disabled', 'expired'] },
      ],
    });
    expect(kinds!.value).toEqual({ kind: 'text', text: 'workstation, server' });
    expect(conditions!.value).toEqual({
      kind: 'list',
      items: [
        { kind: 'text', text: 'lastSeenAt within days 14' },
        { kind: 'text', text: 'antivirusStatus not contains any disabled, expired' },
      ],
    });
  });

  it('keeps other nested objects as records, and says Yes/No, None and — for the rest', () => {
    expect(describeValue({ setBy: 'client', nested: { ok: true } })).toEqual({
      kind: 'record',
      entries: [
        { key: 'setBy', label: 'Set by', value: { kind: 'text', text: 'client' } },
        { key: 'nested', label: 'Nested', value: { kind: 'record', entries: [{ key: 'ok', label: 'Ok', value: { kind: 'text', text: 'Yes' } }] } },
      ],
    });
    expect(describeValue([])).toEqual({ kind: 'text', text: 'None' });
    expect(describeValue(null)).toEqual({ kind: 'text', text: '—' });
  });
});
