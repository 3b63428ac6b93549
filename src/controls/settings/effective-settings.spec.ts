import { describe, expect, it } from '@jest/globals';
import type { SettingLevel } from '../../database/schema.js';
import { DEFAULT_WEIGHT, resolveSettings, type SettingLayer } from './effective-settings.js';

const DEFAULTS = { passAt: 0.95, failBelow: 0.8, seenWithinDays: 30, whenNoAssets: 'no_data' };

/** A layer that inherits everything unless told otherwise. */
function layer(level: SettingLevel, overrides: Partial<Omit<SettingLayer, 'level'>> = {}): SettingLayer {
  return { level, enabled: null, weight: null, params: {}, notApplicable: null, notApplicableReason: null, ...overrides };
}

/** Every order of a list. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

describe('resolveSettings', () => {
  describe('defaults only', () => {
    it('uses the control defaults, enabled, weight 1 and applicable, all sourced from the default', () => {
      expect(resolveSettings(DEFAULTS, [])).toEqual({
        enabled: true,
        weight: 1,
        params: DEFAULTS,
        notApplicable: null,
        sources: {
          enabled: 'default',
          weight: 'default',
          notApplicable: 'default',
          params: { passAt: 'default', failBelow: 'default', seenWithinDays: 'default', whenNoAssets: 'default' },
        },
      });
      expect(DEFAULT_WEIGHT).toBe(1);
    });

    it('keeps defaults for layers that set nothing', () => {
      const settings = resolveSettings(DEFAULTS, [layer('tenant'), layer('baseline'), layer('client')]);
      expect(settings).toEqual(resolveSettings(DEFAULTS, []));
    });

    it('works for a control without parameters', () => {
      expect(resolveSettings({}, [])).toMatchObject({ params: {}, sources: { params: {} } });
    });

    it('does not change the defaults it was given', () => {
      const defaults = { ...DEFAULTS };
      const settings = resolveSettings(defaults, [layer('client', { params: { passAt: 1 } })]);
      settings.params.failBelow = 0;
      expect(defaults).toEqual(DEFAULTS);
    });

    it('does not reorder the layers it was given', () => {
      const layers = [layer('client'), layer('tenant'), layer('baseline')];
      resolveSettings(DEFAULTS, layers);
      expect(layers.map((entry) => entry.level)).toEqual(['client', 'tenant', 'baseline']);
    });
  });

  describe('precedence', () => {
    const layers = [
      layer('tenant', { enabled: false, weight: 2, params: { passAt: 0.9 }, notApplicable: true, notApplicableReason: 'tenant reason' }),
      layer('baseline', { enabled: true, weight: 3, params: { passAt: 0.85 }, notApplicable: true, notApplicableReason: 'baseline reason' }),
      layer('client', { enabled: false, weight: 4, params: { passAt: 0.8 }, notApplicable: true, notApplicableReason: 'client reason' }),
    ];

    it.each(permutations(layers).map((order) => [order.map((entry) => entry.level).join(' → '), order]))('lets the client win over baseline over tenant, given in the order %s', (_, order) => {
      const settings = resolveSettings(DEFAULTS, order as SettingLayer[]);
      expect(settings).toMatchObject({ enabled: false, weight: 4, params: { passAt: 0.8 }, notApplicable: { reason: 'client reason' } });
      expect(settings.sources).toMatchObject({ enabled: 'client', weight: 'client', notApplicable: 'client', params: { passAt: 'client' } });
    });

    it.each(permutations([layers[0]!, layers[1]!]).map((order) => [order.map((entry) => entry.level).join(' → '), order]))('lets the baseline win over the tenant, given in the order %s', (_, order) => {
      const settings = resolveSettings(DEFAULTS, order as SettingLayer[]);
      expect(settings).toMatchObject({ enabled: true, weight: 3, params: { passAt: 0.85 }, notApplicable: { reason: 'baseline reason' } });
      expect(settings.sources).toMatchObject({ enabled: 'baseline', weight: 'baseline', notApplicable: 'baseline', params: { passAt: 'baseline' } });
    });

    it('lets the tenant override the defaults', () => {
      const settings = resolveSettings(DEFAULTS, [layer('tenant', { params: { seenWithinDays: 14 } })]);
      expect(settings.params).toEqual({ ...DEFAULTS, seenWithinDays: 14 });
      expect(settings.sources.params).toEqual({ passAt: 'default', failBelow: 'default', seenWithinDays: 'tenant', whenNoAssets: 'default' });
    });

    it('skips a level that does not set a value, taking it from the next less specific one', () => {
      const settings = resolveSettings(DEFAULTS, [layer('client'), layer('tenant', { params: { passAt: 0.9 } }), layer('baseline')]);
      expect(settings.params.passAt).toBe(0.9);
      expect(settings.sources.params.passAt).toBe('tenant');
    });
  });

  describe('parameters merge one by one', () => {
    it('takes each parameter from the most specific level that sets it, and says which', () => {
      const settings = resolveSettings(DEFAULTS, [
        layer('client', { params: { seenWithinDays: 7 } }),
        layer('tenant', { params: { passAt: 0.9, failBelow: 0.5 } }),
        layer('baseline', { params: { failBelow: 0.7 } }),
      ]);
      expect(settings.params).toEqual({ passAt: 0.9, failBelow: 0.7, seenWithinDays: 7, whenNoAssets: 'no_data' });
      expect(settings.sources.params).toEqual({ passAt: 'tenant', failBelow: 'baseline', seenWithinDays: 'client', whenNoAssets: 'default' });
    });

    it('lets a level set a parameter to null (seenWithinDays null: every asset counts)', () => {
      const settings = resolveSettings(DEFAULTS, [layer('baseline', { params: { seenWithinDays: 14 } }), layer('client', { params: { seenWithinDays: null } })]);
      expect(settings.params.seenWithinDays).toBeNull();
      expect(settings.sources.params.seenWithinDays).toBe('client');
    });

    it('replaces a list parameter as a whole rather than merging it', () => {
      const settings = resolveSettings({ kinds: ['workstation', 'server'] }, [layer('client', { params: { kinds: ['server'] } })]);
      expect(settings.params.kinds).toEqual(['server']);
    });

    it('includes a parameter a level sets that has no default', () => {
      const settings = resolveSettings({ fact: 'edr.coverage' }, [layer('tenant', { params: { partialFrom: 0.8 } })]);
      expect(settings.params).toEqual({ fact: 'edr.coverage', partialFrom: 0.8 });
      expect(settings.sources.params).toEqual({ fact: 'default', partialFrom: 'tenant' });
    });
  });

  describe('not applicable', () => {
    it('is set at the baseline with its reason', () => {
      const settings = resolveSettings(DEFAULTS, [layer('baseline', { notApplicable: true, notApplicableReason: 'No servers on site' })]);
      expect(settings.notApplicable).toEqual({ reason: 'No servers on site' });
      expect(settings.sources.notApplicable).toBe('baseline');
    });

    it('set at the baseline and cleared at the client, is applicable again', () => {
      const settings = resolveSettings(DEFAULTS, [
        layer('client', { notApplicable: false }),
        layer('baseline', { notApplicable: true, notApplicableReason: 'No servers on site' }),
      ]);
      expect(settings.notApplicable).toBeNull();
      expect(settings.sources.notApplicable).toBe('client');
    });

    it('set at the tenant, is inherited by a client that says nothing', () => {
      const settings = resolveSettings(DEFAULTS, [layer('tenant', { notApplicable: true, notApplicableReason: 'We do not manage email' }), layer('client')]);
      expect(settings.notApplicable).toEqual({ reason: 'We do not manage email' });
      expect(settings.sources.notApplicable).toBe('tenant');
    });

    it('set at the client, overrides a baseline that declared it applicable', () => {
      const settings = resolveSettings(DEFAULTS, [layer('baseline', { notApplicable: false }), layer('client', { notApplicable: true, notApplicableReason: 'Paper-only office' })]);
      expect(settings.notApplicable).toEqual({ reason: 'Paper-only office' });
    });

    it('has an empty reason when none was given', () => {
      expect(resolveSettings(DEFAULTS, [layer('client', { notApplicable: true })]).notApplicable).toEqual({ reason: '' });
    });

    it('ignores a reason without the flag', () => {
      const settings = resolveSettings(DEFAULTS, [layer('client', { notApplicableReason: 'stale reason' })]);
      expect(settings.notApplicable).toBeNull();
      expect(settings.sources.notApplicable).toBe('default');
    });
  });

  describe('enabled and weight', () => {
    it('inherit through levels that leave them null', () => {
      const settings = resolveSettings(DEFAULTS, [layer('tenant', { enabled: false, weight: 3 }), layer('baseline'), layer('client')]);
      expect(settings).toMatchObject({ enabled: false, weight: 3, sources: { enabled: 'tenant', weight: 'tenant' } });
    });

    it('can be set back at a more specific level', () => {
      const settings = resolveSettings(DEFAULTS, [layer('tenant', { enabled: false, weight: 3 }), layer('client', { enabled: true, weight: 1 })]);
      expect(settings).toMatchObject({ enabled: true, weight: 1, sources: { enabled: 'client', weight: 'client' } });
    });

    it('take a weight of 0 as a value, not as inherit', () => {
      const settings = resolveSettings(DEFAULTS, [layer('baseline', { weight: 5 }), layer('client', { weight: 0 })]);
      expect(settings.weight).toBe(0);
      expect(settings.sources.weight).toBe('client');
    });

    it('come from different levels independently', () => {
      const settings = resolveSettings(DEFAULTS, [layer('baseline', { weight: 2 }), layer('client', { enabled: false })]);
      expect(settings).toMatchObject({ enabled: false, weight: 2, sources: { enabled: 'client', weight: 'baseline', notApplicable: 'default' } });
    });
  });
});
