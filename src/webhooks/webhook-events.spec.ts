import { describe, expect, it } from '@jest/globals';
import type { EvaluationRunRow } from '../database/schema.js';
import { envelope, evaluationCompletedData, eventIdFor, passesThreshold, type ScoreChange, scoreChangedData } from './webhook-events.js';

const change: ScoreChange = {
  runId: 'run-2',
  clientId: 'client-1',
  clientName: 'Alpine Dental',
  previousRunId: 'run-1',
  previousScore: 76.3,
  previousGrade: 'C',
  score: 81.3,
  grade: 'B',
  evaluatedAt: new Date('2026-11-25T02:04:05.000Z'),
};

describe(passesThreshold.name, () => {
  it('sends a change of at least the threshold, up or down, at the precision scores have', () => {
    expect(passesThreshold(change, 5)).toBe(true);
    expect(passesThreshold({ previousScore: 81.3, score: 76.3 }, 5)).toBe(true);
    expect(passesThreshold(change, 5.1)).toBe(false);
    expect(passesThreshold({ previousScore: 50, score: 50.1 }, 0.1)).toBe(true);
    expect(passesThreshold({ previousScore: 50, score: 50 }, 0.1)).toBe(false);
  });

  it('counts a score appearing or disappearing as a change, and no score on either side as none', () => {
    expect(passesThreshold({ previousScore: null, score: 40 }, 100)).toBe(true);
    expect(passesThreshold({ previousScore: 40, score: null }, 100)).toBe(true);
    expect(passesThreshold({ previousScore: null, score: null }, 0.1)).toBe(false);
  });
});

describe('webhook payloads', () => {
  it('describes a score change with the client, both runs and the change in points', () => {
    expect(scoreChangedData(change)).toEqual({
      client: { id: 'client-1', name: 'Alpine Dental' },
      runId: 'run-2',
      previousRunId: 'run-1',
      previousScore: 76.3,
      previousGrade: 'C',
      score: 81.3,
      grade: 'B',
      change: 5,
      evaluatedAt: '2026-11-25T02:04:05.000Z',
    });
    expect(scoreChangedData({ ...change, previousScore: null, previousGrade: null }).change).toBeNull();
  });

  it('describes a finished run with its progress and portfolio', () => {
    const run = {
      id: 'run-2', trigger: 'schedule', status: 'succeeded', error: null, done: 3, total: 3, failed: 0, portfolioScore: 78.4, portfolioGrade: 'C',
      distribution: { A: 0, B: 1, C: 2, D: 0, F: 0 }, startedAt: new Date('2026-11-25T02:00:00Z'), finishedAt: new Date('2026-11-25T02:04:05Z'),
    } as unknown as EvaluationRunRow;
    expect(evaluationCompletedData(run)).toEqual({
      run: {
        id: 'run-2', trigger: 'schedule', status: 'succeeded', error: null, startedAt: '2026-11-25T02:00:00.000Z', finishedAt: '2026-11-25T02:04:05.000Z',
        progress: { done: 3, total: 3, failed: 0 }, portfolio: { score: 78.4, grade: 'C', distribution: { A: 0, B: 1, C: 2, D: 0, F: 0 } },
      },
    });
  });

  it('wraps data in an envelope whose id is the event id, keys in reading order', () => {
    const { eventId, eventType, payload } = envelope('ping', { hello: 'world' }, { at: new Date('2026-11-25T00:00:00Z') });
    expect(eventType).toBe('ping');
    expect(payload).toBe(`{"id":"${eventId}","type":"ping","createdAt":"2026-11-25T00:00:00.000Z","data":{"hello":"world"}}`);
  });

  it('names once-only events with a stable version 5 UUID, so raising one again gives the same id', () => {
    const id = eventIdFor('tenant-1:evaluation.completed:run-1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(eventIdFor('tenant-1:evaluation.completed:run-1')).toBe(id);
    expect(eventIdFor('tenant-1:evaluation.completed:run-2')).not.toBe(id);
  });
});
