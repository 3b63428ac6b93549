import { describe, expect, it } from '@jest/globals';
import { addDays, applyFilters, dateInputValue, exceptionBody, expiryFromDate, expiryState, filtersFromParams, listQuery, missingChoices, newExceptionForm } from './exception-rules.js';

const now = new Date('2026-11-23T12:00:00Z');

describe('expiryState', () => {
  it('tells expired, expiring within 30 days, and in force apart', () => {
    expect(expiryState('2026-11-23T11:59:59Z', now)).toBe('expired');
    expect(expiryState('2026-11-23T12:00:00Z', now)).toBe('expired');
    expect(expiryState('2026-11-24T12:00:00Z', now)).toBe('expiring_soon');
    expect(expiryState('2026-12-23T12:00:00Z', now)).toBe('expiring_soon');
    expect(expiryState('2026-12-23T12:00:01Z', now)).toBe('in_force');
  });
});

describe('expiry dates', () => {
  it('defaults a new exception to 90 days ahead, as a date input takes it', () => {
    const local = new Date(2026, 10, 23, 9, 30);
    expect(newExceptionForm(local).expiresOn).toBe('2027-02-21');
    expect(dateInputValue(addDays(new Date(2026, 0, 31), 1))).toBe('2026-02-01');
  });

  it('ends an exception at the end of the chosen day in the viewer’s time zone', () => {
    expect(expiryFromDate('2027-02-21')).toBe(new Date(2027, 1, 21, 23, 59, 59).toISOString());
    expect(expiryFromDate('2027-02-30')).toBeNull();
    expect(expiryFromDate('')).toBeNull();
    expect(expiryFromDate('21/02/2027')).toBeNull();
  });

  it('prefills the client and control other pages link with', () => {
    expect(newExceptionForm(now, { clientId: 'c-1', controlId: 'endpoint.disk_encryption' })).toMatchObject({ clientId: 'c-1', controlId: 'endpoint.disk_encryption', appliesTo: 'client' });
  });
});

describe('list filters', () => {
  it('read from and write to the URL, leaving other parameters alone', () => {
    const params = new URLSearchParams('client=c-1&status=expired&clientId=c-9');
    const filters = filtersFromParams(params);
    expect(filters).toEqual({ clientId: 'c-1', controlId: '', status: 'expired' });
    expect(filtersFromParams(new URLSearchParams('status=bogus')).status).toBe('all');
    expect(applyFilters(params, { ...filters, clientId: '', status: 'all', controlId: 'k' }).toString()).toBe('clientId=c-9&control=k');
  });

  it('ask the API for in-force or expired exceptions, or both', () => {
    expect(listQuery({ clientId: 'c-1', controlId: '', status: 'in_force' }, null, 25)).toEqual({ clientId: 'c-1', controlId: '', active: true, cursor: null, limit: 25 });
    expect(listQuery({ clientId: '', controlId: '', status: 'expired' }, 'next', 25).active).toBe(false);
    expect(listQuery({ clientId: '', controlId: '', status: 'all' }, null, 25).active).toBeUndefined();
  });
});

describe('exceptionBody', () => {
  const values = { ...newExceptionForm(now), controlId: 'endpoint.disk_encryption', clientId: 'c-1', baselineId: 'b-1', owner: ' Dana Whitfield ', reason: ' Lab PC stays on Windows 10 ', expiresOn: '2027-02-21' };

  it('sends the client or the baseline the risk is accepted for, trimmed', () => {
    expect(exceptionBody(values)).toEqual({ controlId: 'endpoint.disk_encryption', clientId: 'c-1', owner: 'Dana Whitfield', reason: 'Lab PC stays on Windows 10', expiresAt: expiryFromDate('2027-02-21') });
    expect(exceptionBody({ ...values, appliesTo: 'baseline', compensatingControl: ' Isolated VLAN ' })).toMatchObject({ baselineId: 'b-1', compensatingControl: 'Isolated VLAN' });
    expect(exceptionBody({ ...values, appliesTo: 'baseline' })).not.toHaveProperty('clientId');
  });

  it('sends an empty expiry for a date that is not one, for the API to name', () => {
    expect(exceptionBody({ ...values, expiresOn: '' }).expiresAt).toBe('');
  });
});

describe('missingChoices', () => {
  it('names the control, client or baseline still to choose, and the owner and reason still to give', () => {
    const blank = newExceptionForm(now);
    expect(missingChoices(blank).map((problem) => problem.field)).toEqual(['controlId', 'clientId', 'owner', 'reason']);
    const written = { ...blank, owner: 'Dana', reason: 'Lab PC' };
    expect(missingChoices({ ...written, appliesTo: 'baseline', controlId: 'k' }).map((problem) => problem.field)).toEqual(['baselineId']);
    expect(missingChoices({ ...written, owner: '  ', controlId: 'k', clientId: 'c-1' }).map((problem) => problem.field)).toEqual(['owner']);
    expect(missingChoices({ ...written, controlId: 'k', clientId: 'c-1' })).toEqual([]);
  });
});
