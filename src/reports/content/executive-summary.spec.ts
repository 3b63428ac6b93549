import { describe, expect, it } from '@jest/globals';

import type { ClientScorecardDto, ScorecardControlResultDto } from '../../scorecards/dto/client-scorecard.dto.js';
import { executiveSummary, topFixes } from './executive-summary.js';
import { methodology } from './methodology.js';

function control(name: string, pointsRecoverable: number, status: ScorecardControlResultDto['status'] = 'fail'): ScorecardControlResultDto {
  return {
    controlId: name, key: name, name, category: 'identity', severity: 'high', weight: 1, status, fraction: 0, points: 3, earned: 0, pointsRecoverable,
    summary: '', evidence: null, failingAssets: null, exception: null, notApplicableReason: null, remediation: null,
  };
}

function scorecard(overrides: Partial<ClientScorecardDto> = {}): ClientScorecardDto {
  return {
    client: { id: 'c', name: 'Müller GmbH', baseline: 'Premium' },
    run: { id: 'r', evaluatedAt: '2026-11-20T02:00:00.000Z', current: true, evidencePruned: false },
    score: 72.4,
    grade: 'C',
    earnedPoints: 72.4,
    possiblePoints: 100,
    counts: { pass: 28, partial: 3, fail: 6, not_applicable: 2, excepted: 1, no_data: 0, error: 0 },
    change: { previousRun: 1.2, days30: 3, sinceQbr: 7.2 },
    lastQbr: { reviewedAt: '2026-08-12T10:00:00.000Z', score: 65.2 },
    freshness: { evaluatedAt: '2026-11-20T02:00:00.000Z', evidenceAt: '2026-11-19T22:00:00.000Z', stale: false },
    failingCritical: [],
    categories: [],
    frameworks: [],
    controls: [control('MFA for admins', 5.5), control('Backups tested', 3.1), control('EDR everywhere', 2.6), control('Patch cadence', 0.4)],
    exceptions: [],
    ...overrides,
  };
}

describe('executiveSummary', () => {
  it('states the score and grade, and the change since the last review with its date and score', () => {
    const [first] = executiveSummary(scorecard());
    expect(first).toBe('Müller GmbH scores 72.4 out of 100, grade C, in the evaluation of 20 Nov 2026. That is 7.2 points higher than at the last review on 12 Aug 2026, when it was 65.2.');
  });

  it('compares with the previous evaluation when no review was marked, and says when there is nothing to compare', () => {
    expect(executiveSummary(scorecard({ lastQbr: null, change: { previousRun: -2, days30: null, sinceQbr: null } }))[0]).toContain('That is 2.0 points lower than at the previous evaluation.');
    expect(executiveSummary(scorecard({ lastQbr: null, change: { previousRun: null, days30: null, sinceQbr: null } }))[0]).toContain('This is its first evaluation');
  });

  it('counts the results in words, naming only the kinds present', () => {
    expect(executiveSummary(scorecard())[1]).toBe('Of 40 controls evaluated, 28 pass, 3 pass only partly and 6 fail; 2 do not apply and 1 is covered by an accepted risk.');
  });

  it('names the failing critical controls, or says none fail', () => {
    expect(executiveSummary(scorecard())[2]).toBe('No critical control is failing.');
    const critical = scorecard({ failingCritical: [{ controlId: 'a', key: 'a', name: 'MFA for admins', status: 'fail' }, { controlId: 'b', key: 'b', name: 'Backups tested', status: 'partial' }] });
    expect(executiveSummary(critical)[2]).toBe('2 critical controls need attention: MFA for admins and Backups tested.');
  });

  it('names the three fixes with the most points and what they add together', () => {
    expect(executiveSummary(scorecard())[3]).toBe('Fixing the 3 controls with the most points at stake (MFA for admins, Backups tested and EDR everywhere) would add about 11.2 points.');
    expect(topFixes([control('x', 0), control('y', 1)]).map((fix) => fix.name)).toEqual(['y']);
  });

  it('explains a missing score, and warns when the evidence is stale', () => {
    const unscored = executiveSummary(scorecard({ score: null, grade: null, controls: [], freshness: { evaluatedAt: null, evidenceAt: null, stale: true } }));
    expect(unscored[0]).toContain('has no score');
    expect(unscored.at(-1)).toContain('more than a week old');
  });
});

describe('methodology', () => {
  it('describes the severity points and grade bands the formula uses', () => {
    const text = methodology('fail').join(' ');
    expect(text).toContain('critical 5');
    expect(text).toContain('A from 90, B from 80 to below 90');
    expect(text).toContain('counts as failing until evidence arrives');
    expect(methodology('exclude').join(' ')).toContain('is left out of the score until evidence arrives');
  });
});
