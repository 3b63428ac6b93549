import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../api/client.js';
import { describedBy, fieldMessage, problemsFor, unclaimedDetails } from './form-errors.js';

const error = new ApiError(400, 'Invalid settings', [
  { field: 'weight', message: 'weight must not be greater than 10' },
  { field: 'params.threshold', message: 'threshold must be a number' },
  { field: 'params.foo', message: 'foo is not a parameter' },
  { field: 'level', message: 'level must be one of …' },
]);

describe('field errors', () => {
  it('gives each field its own messages, nested fields included', () => {
    expect(fieldMessage(error, 'weight')).toBe('weight must not be greater than 10');
    expect(fieldMessage(error, 'params.threshold')).toBe('threshold must be a number');
    expect(problemsFor(error, 'params')).toHaveLength(2);
    expect(fieldMessage(error, 'enabled')).toBeUndefined();
    expect(fieldMessage(undefined, 'weight')).toBeUndefined();
  });

  it('does not treat a field as the parent of a longer name', () => {
    const similar = new ApiError(400, 'x', [{ field: 'weightFactor', message: 'no' }]);
    expect(fieldMessage(similar, 'weight')).toBeUndefined();
  });

  it('gives a list parameter the problems of its items', () => {
    const items = new ApiError(400, 'x', [{ field: 'params.conditions[0].op', message: 'unknown op' }]);
    expect(fieldMessage(items, 'params.conditions')).toBe('unknown op');
  });

  it('leaves what no field shows to the summary', () => {
    expect(unclaimedDetails(error, ['weight', 'params.threshold']).map((detail) => detail.field)).toEqual(['params.foo', 'level']);
  });
});

describe('describedBy', () => {
  it('joins the ids of what is shown and leaves the attribute out when nothing is', () => {
    expect(describedBy('weight-hint', false, 'weight-error')).toBe('weight-hint weight-error');
    expect(describedBy(undefined, false)).toBeUndefined();
  });
});
