import { describe, expect, it } from '@jest/globals';
import type { NormalizedCompany } from '../psa-connector.js';
import { isClient } from './client-filter.js';

const company = (overrides: Partial<NormalizedCompany>): NormalizedCompany => ({
  externalId: '1',
  name: 'Acme',
  types: ['Client'],
  customFields: {},
  status: 'Active',
  active: true,
  domains: [],
  updatedAt: null,
  raw: {},
  ...overrides,
});

describe(isClient.name, () => {
  it('admits active companies of a listed type, in any case', () => {
    expect(isClient(company({ types: ['client'] }), { types: ['Client'], statuses: [], includeInactive: false })).toBe(true);
    expect(isClient(company({ types: ['Prospect', 'Client'] }), { types: ['Client'], statuses: [], includeInactive: false })).toBe(true);
  });

  it('refuses other types and inactive companies unless asked', () => {
    expect(isClient(company({ types: ['Vendor'] }), { types: ['Client'], statuses: [], includeInactive: false })).toBe(false);
    expect(isClient(company({ active: false }), { types: ['Client'], statuses: [], includeInactive: false })).toBe(false);
    expect(isClient(company({ active: false }), { types: ['Client'], statuses: [], includeInactive: true })).toBe(true);
  });

  it('admits only listed statuses when statuses are given', () => {
    expect(isClient(company({ status: 'Credit Hold' }), { types: ['Client'], statuses: ['Active', 'credit hold'], includeInactive: false })).toBe(true);
    expect(isClient(company({ status: 'Not Approved' }), { types: ['Client'], statuses: ['Active'], includeInactive: false })).toBe(false);
    expect(isClient(company({ status: null }), { types: ['Client'], statuses: ['Active'], includeInactive: false })).toBe(false);
  });

  it('admits every type when the list is empty', () => {
    expect(isClient(company({ types: [] }), { types: [], statuses: [], includeInactive: false })).toBe(true);
    expect(isClient(company({ types: ['Vendor'] }), { types: [], statuses: [], includeInactive: false })).toBe(true);
  });
});
