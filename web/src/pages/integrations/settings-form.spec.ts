import { describe, expect, it } from '@jest/globals';
import { blankForm, createBody, fieldId, formFromIntegration, formProblems, parseList, problemHeadline, problemsFromError, type SettingsForm, updateBody } from './settings-form.js';
import type { Integration } from './types.js';
import { VENDORS } from './vendors.js';

function filled(form: SettingsForm, values: Record<string, string>): SettingsForm {
  return { ...form, values: { ...form.values, ...values } };
}

const stored: Integration = {
  id: '6955d771-0265-4c85-90ae-816f0994289e',
  kind: 'connectwise',
  name: 'Demo ConnectWise',
  config: { baseUrl: 'https://api-na.myconnectwise.net/v4_6_release/apis/3.0', companyId: 'harbormsp', clientId: '5c1e3a4b-8f2d-4e6a-9b1c-7d0f2e3a4b5c' },
  clientFilter: { types: ['Client', 'Partner'], statuses: null, includeInactive: true },
  fieldMapping: { antivirusStatus: { customField: 'EDR Status' }, lastBackupAt: { path: 'properties.last_backup' } },
  credentialsKeyId: 'local-1',
  syncedThrough: null,
  createdAt: '2026-11-23T22:47:30.875Z',
  updatedAt: '2026-11-23T22:47:30.875Z',
};

describe('vendor field definitions', () => {
  it('always ask for baseUrl in config and at least one credential', () => {
    for (const vendor of Object.values(VENDORS)) {
      expect(vendor.fields.some((field) => field.part === 'config' && field.name === 'baseUrl' && field.required)).toBe(true);
      expect(vendor.fields.some((field) => field.part === 'credentials' && field.required)).toBe(true);
    }
  });

  it('fill in the one value everyone uses: the Autotask zone discovery host', () => {
    expect(blankForm('autotask').values['config.baseUrl']).toBe('https://webservices.autotask.net');
    expect(blankForm('connectwise').values['config.baseUrl']).toBe('');
  });
});

describe('parseList', () => {
  it('splits on commas, trims, drops empties and repeats, and means "no filter" when nothing is left', () => {
    expect(parseList(' Client, Partner ,, Client')).toEqual(['Client', 'Partner']);
    expect(parseList(' , ')).toBeNull();
    expect(parseList('')).toBeNull();
  });
});

describe('createBody', () => {
  it('puts each vendor field in config or credentials under the API name, trimmed', () => {
    const form = filled(blankForm('connectwise', ' Production '), {
      'config.baseUrl': ' https://api-eu.myconnectwise.net/v4_6_release/apis/3.0 ',
      'config.companyId': 'northwind',
      'config.clientId': '3f2c1b9e-6a4d-4f0e-9b7a-2d5c8e1f0a63',
      'credentials.publicKey': 'pub',
      'credentials.privateKey': 'priv',
    });
    expect(createBody({ ...form, clientTypes: 'Client', includeInactive: true })).toEqual({
      kind: 'connectwise',
      name: 'Production',
      config: { baseUrl: 'https://api-eu.myconnectwise.net/v4_6_release/apis/3.0', companyId: 'northwind', clientId: '3f2c1b9e-6a4d-4f0e-9b7a-2d5c8e1f0a63' },
      credentials: { publicKey: 'pub', privateKey: 'priv' },
      clientFilter: { types: ['Client'], statuses: null, includeInactive: true },
      fieldMapping: {},
    });
  });

  it('leaves out empty optional settings and sends the Halo request limit as a number', () => {
    const form = filled(blankForm('halopsa', 'Halo'), {
      'config.baseUrl': 'https://msp.halopsa.com',
      'config.requestsPerFiveMinutes': '120',
      'credentials.clientId': 'id',
      'credentials.clientSecret': 'secret',
    });
    expect(createBody(form).config).toEqual({ baseUrl: 'https://msp.halopsa.com', requestsPerFiveMinutes: 120 });
    expect(createBody(form).credentials).toEqual({ clientId: 'id', clientSecret: 'secret' });
  });

  it('sends only the asset fields read from somewhere other than the standard field', () => {
    const form = blankForm('syncro', 'Syncro');
    form.mapping.antivirusStatus = { source: 'customField', value: ' EDR Status ' };
    form.mapping.lastBackupAt = { source: 'path', value: 'properties.last_backup' };
    form.mapping.hostname = { source: 'standard', value: 'left over' };
    expect(createBody(form).fieldMapping).toEqual({ antivirusStatus: { customField: 'EDR Status' }, lastBackupAt: { path: 'properties.last_backup' } });
  });
});

describe('formFromIntegration and updateBody', () => {
  it('load the stored settings with blank credentials, and send them back unchanged without credentials', () => {
    const form = formFromIntegration(stored);
    expect(form.values['credentials.publicKey']).toBe('');
    expect(form.clientTypes).toBe('Client, Partner');
    expect(form.mapping.antivirusStatus).toEqual({ source: 'customField', value: 'EDR Status' });
    expect(updateBody(form)).toEqual({
      name: 'Demo ConnectWise',
      config: stored.config,
      clientFilter: stored.clientFilter,
      fieldMapping: stored.fieldMapping,
    });
  });

  it('send the credentials once they are retyped', () => {
    const form = filled(formFromIntegration(stored), { 'credentials.publicKey': 'new-pub', 'credentials.privateKey': 'new-priv' });
    expect(updateBody(form).credentials).toEqual({ publicKey: 'new-pub', privateKey: 'new-priv' });
  });
});

describe('formProblems', () => {
  it('asks for the name and every required vendor field of a new integration', () => {
    expect(Object.keys(formProblems(blankForm('autotask'), false))).toEqual(['name', 'config.username', 'config.integrationCode', 'credentials.secret']);
  });

  it('keeps stored credentials when all are blank, but wants all of them once one is typed', () => {
    expect(formProblems(formFromIntegration(stored), true)).toEqual({});
    const partly = filled(formFromIntegration(stored), { 'credentials.privateKey': 'new' });
    expect(formProblems(partly, true)).toEqual({ 'credentials.publicKey': 'Public key is required too: the credentials are replaced together.' });
  });

  it('wants a whole number for the request limit and a name for every custom mapping', () => {
    const form = filled(blankForm('halopsa', 'Halo'), {
      'config.baseUrl': 'https://msp.halopsa.com',
      'config.requestsPerFiveMinutes': '2.5',
      'credentials.clientId': 'id',
      'credentials.clientSecret': 'secret',
    });
    form.mapping.diskEncrypted = { source: 'customField', value: ' ' };
    expect(formProblems(form, false)).toEqual({
      'config.requestsPerFiveMinutes': 'Requests per 5 minutes must be a whole number of 1 or more.',
      'fieldMapping.diskEncrypted': 'Name the custom field to read disk encrypted from.',
    });
  });
});

describe('problemsFromError', () => {
  it("puts the API's field details at their fields, the field path replaced by the label", () => {
    const error = {
      status: 400,
      message: 'Invalid ConnectWise Manage settings: …',
      details: [
        { field: 'config.baseUrl', message: 'config.baseUrl must be the API root ending in /apis/3.0' },
        { field: 'clientFilter.types', message: 'clientFilter.types: each value in types must be shorter than or equal to 100 characters' },
        { field: 'config.extra', message: 'config.property extra should not exist' },
      ],
    };
    expect(problemsFromError(error, 'connectwise')).toEqual({
      'config.baseUrl': 'API URL must be the API root ending in /apis/3.0',
      'clientFilter.types': 'Company types: each value in types must be shorter than or equal to 100 characters',
      'config.extra': 'config.property extra should not exist',
    });
  });

  it('treats a conflict as the name being taken', () => {
    expect(problemsFromError({ status: 409, message: 'An integration with this name already exists', details: [] }, 'syncro')).toEqual({
      name: 'An integration with this name already exists',
    });
  });
});

describe('problemHeadline', () => {
  it('counts the settings that need attention, and says nothing was saved when the API refused them', () => {
    expect(problemHeadline({ name: 'Connection name is required.' }, undefined)).toBe('One setting needs attention.');
    expect(problemHeadline({ name: 'x', 'config.baseUrl': 'y' }, { message: 'Invalid integration' })).toBe('2 settings need attention: nothing was saved.');
  });

  it('gives the API’s message when it names no field, and nothing when all is well', () => {
    expect(problemHeadline({}, { message: 'The PSA did not answer' })).toBe('The PSA did not answer');
    expect(problemHeadline({}, undefined)).toBeUndefined();
  });
});

describe('fieldId', () => {
  it('makes a form key a DOM id', () => {
    expect(fieldId('config.baseUrl')).toBe('integration-config-baseUrl');
  });
});
