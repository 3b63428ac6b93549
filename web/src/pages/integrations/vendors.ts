import type { PsaKind } from './types.js';

/** Where a setting goes in the API body: `config` is stored and returned, `credentials` is write-only. */
export type SettingPart = 'config' | 'credentials';

export interface SettingField {
  part: SettingPart;
  /** The property name inside `config` or `credentials`. */
  name: string;
  label: string;
  /** What the value is and where to find it in the PSA. */
  hint: string;
  required: boolean;
  input: 'url' | 'text' | 'email' | 'password' | 'integer';
  placeholder?: string;
  /** Filled in for a new integration because almost everyone uses it. */
  initial?: string;
}

export interface Vendor {
  kind: PsaKind;
  /** As the API's connector calls it: "ConnectWise Manage". */
  label: string;
  /** Company types imported when the integration names none. */
  defaultTypes: string;
  fields: SettingField[];
}

/** `config.baseUrl`: how a field is keyed in forms and in the API's error details. */
export function fieldKey(field: Pick<SettingField, 'part' | 'name'>): string {
  return `${field.part}.${field.name}`;
}

// Field names, requirements and meanings follow the API's per-vendor settings DTOs (src/integrations/*/*.settings.ts).
export const VENDORS: Record<PsaKind, Vendor> = {
  connectwise: {
    kind: 'connectwise',
    label: 'ConnectWise Manage',
    defaultTypes: 'Client',
    fields: [
      {
        part: 'config',
        name: 'baseUrl',
        label: 'API URL',
        hint: 'The REST API root of your site, ending in /apis/3.0. Cloud sites are api-na, api-eu or api-au.myconnectwise.net; v4_6_release always reaches the current version.',
        required: true,
        input: 'url',
        placeholder: 'https://api-na.myconnectwise.net/v4_6_release/apis/3.0',
      },
      { part: 'config', name: 'companyId', label: 'Company ID', hint: 'The company id you type on the ConnectWise login page.', required: true, input: 'text', placeholder: 'northwind' },
      {
        part: 'config',
        name: 'clientId',
        label: 'Client ID',
        hint: 'The clientId GUID of your integration, from developer.connectwise.com/ClientID. ConnectWise refuses requests without it.',
        required: true,
        input: 'text',
        placeholder: '3f2c1b9e-6a4d-4f0e-9b7a-2d5c8e1f0a63',
      },
      { part: 'credentials', name: 'publicKey', label: 'Public key', hint: "The public key of an API member's key pair (System › Members › API Members › API Keys).", required: true, input: 'text' },
      { part: 'credentials', name: 'privateKey', label: 'Private key', hint: 'The private key ConnectWise showed once when the key pair was made.', required: true, input: 'password' },
    ],
  },
  autotask: {
    kind: 'autotask',
    label: 'Autotask PSA',
    defaultTypes: 'Customer',
    fields: [
      {
        part: 'config',
        name: 'baseUrl',
        label: 'Zone discovery URL',
        hint: 'Keep https://webservices.autotask.net unless a proxy stands in for Autotask: Rampart asks it which zone your API user lives in, then calls that zone.',
        required: true,
        input: 'url',
        initial: 'https://webservices.autotask.net',
      },
      {
        part: 'config',
        name: 'username',
        label: 'API username',
        hint: 'The username (an email address) of an API-only user: Admin › Resources (Users), security level "API User (system)".',
        required: true,
        input: 'email',
        placeholder: 'x7rk2b3qa9@northwind.example',
      },
      {
        part: 'config',
        name: 'integrationCode',
        label: 'Integration code',
        hint: "The API tracking identifier on the API user's Security tab.",
        required: true,
        input: 'text',
        placeholder: 'H6HRQ2SW2CQAMVLGJ7W3KC4WMNA',
      },
      { part: 'credentials', name: 'secret', label: 'Secret', hint: "The API user's secret (password), set on the same Security tab.", required: true, input: 'password' },
    ],
  },
  halopsa: {
    kind: 'halopsa',
    label: 'HaloPSA',
    defaultTypes: 'every type',
    fields: [
      {
        part: 'config',
        name: 'baseUrl',
        label: 'Halo URL',
        hint: 'Your Halo instance, from Configuration › Integrations › Halo API › API Details. The Resource Server shown there, ending in /api, works too.',
        required: true,
        input: 'url',
        placeholder: 'https://msp.halopsa.com',
      },
      {
        part: 'config',
        name: 'tenant',
        label: 'Tenant',
        hint: 'The tenant name of a Halo-hosted instance, such as msp. Leave empty on premises.',
        required: false,
        input: 'text',
        placeholder: 'msp',
      },
      {
        part: 'config',
        name: 'authUrl',
        label: 'Authorisation server',
        hint: 'The Authorisation Server from the same page. Leave empty when it is your Halo URL followed by /auth.',
        required: false,
        input: 'url',
        placeholder: 'https://msp.halopsa.com/auth',
      },
      {
        part: 'config',
        name: 'requestsPerFiveMinutes',
        label: 'Requests per 5 minutes',
        hint: 'Leave empty for 300, the hosted limit. Other integrations share this quota, so set it lower if they are busy.',
        required: false,
        input: 'integer',
        placeholder: '300',
      },
      {
        part: 'credentials',
        name: 'clientId',
        label: 'Client ID',
        hint: 'The Client ID of an API application using "Client ID and Secret (Services)", with read:customers and read:assets permission.',
        required: true,
        input: 'text',
      },
      { part: 'credentials', name: 'clientSecret', label: 'Client secret', hint: 'The Client Secret Halo showed once when the API application was saved.', required: true, input: 'password' },
    ],
  },
  syncro: {
    kind: 'syncro',
    label: 'Syncro',
    defaultTypes: 'every type',
    fields: [
      {
        part: 'config',
        name: 'baseUrl',
        label: 'API URL',
        hint: "Your account's API root: https://{your subdomain}.syncromsp.com/api/v1.",
        required: true,
        input: 'url',
        placeholder: 'https://acme.syncromsp.com/api/v1',
      },
      {
        part: 'credentials',
        name: 'apiKey',
        label: 'API token',
        hint: 'A token from Admin › API Tokens that may list customers, contacts and assets.',
        required: true,
        input: 'password',
      },
    ],
  },
};

export function vendorLabel(kind: PsaKind): string {
  return VENDORS[kind]?.label ?? kind;
}
