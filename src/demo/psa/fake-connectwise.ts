import type { FakePsaServer, FakeRequest, FakeResponse, FakeVendor } from './fake-psa-server.js';
import type { Portfolio, PortfolioAsset, PortfolioCompany, PortfolioContact } from './portfolio.js';

/**
 * ConnectWise Manage REST 3.0 on loopback, as strict as the real API where a connector could go
 * wrong (docs/psa-apis.md §1): Basic `{companyId}+{publicKey}:{privateKey}` plus a `clientId`
 * header or 401, a bare JSON array per page, `pageSize` silently capped at 1,000 (default 25),
 * `Link` headers with absolute URLs and no rel="next" on the last page, a `conditions` parser that
 * answers unknown syntax and unknown fields with ConnectWise's 400 body, and `{code, message,
 * errors}` error bodies. Query keys are matched without case, as ConnectWise does.
 *
 * Error codes and messages the doc does not pin down are plausible stand-ins, marked [A].
 */
export const CONNECTWISE_API_PATH = '/v4_6_release/apis/3.0';

/** The one API member the fake knows; connect with these. */
export const FAKE_CONNECTWISE_ACCOUNT = {
  companyId: 'harbormsp',
  publicKey: 'Xq7PzL2mN4vB8cRt',
  privateKey: 'k9Wd3Hs6Jf1Ya5Ue',
  clientId: '5c1e3a4b-8f2d-4e6a-9b1c-7d0f2e3a4b5c',
};

export interface FakeConnectwiseOptions {
  portfolio: Portfolio;
  /** What Link headers point at; by default the fake's own address (as ConnectWise names itself). */
  linkOrigin?: string;
}

const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = 25;

/** Rendered portfolio kinds as ConnectWise configuration type names an MSP would set up. */
const CONFIGURATION_TYPES: Record<PortfolioAsset['kind'], { id: number; name: string }> = {
  workstation: { id: 25, name: 'Managed Workstation' },
  server: { id: 26, name: 'Managed Server' },
  network: { id: 31, name: 'Firewall' },
  mobile: { id: 40, name: 'Mobile Device' },
  other: { id: 45, name: 'Printer' },
};
const COMPANY_TYPES: Record<PortfolioCompany['type'], { id: number; name: string }> = {
  client: { id: 1, name: 'Client' },
  prospect: { id: 2, name: 'Prospect' },
  vendor: { id: 5, name: 'Vendor' },
};

type JsonRecord = Record<string, unknown>;
type Entity = 'company' | 'contact' | 'configuration';

/** A query ConnectWise would answer with 400; `field` is the parameter at fault. */
class InvalidQueryError extends Error {
  constructor(
    message: string,
    readonly field = 'conditions',
  ) {
    super(message);
  }
}

const RESOURCE_NAMES: Record<Entity, string> = { company: 'Company', contact: 'Contact', configuration: 'Configuration' };

export class FakeConnectwise implements FakeVendor {
  private readonly collections: Record<Entity, JsonRecord[]>;
  private readonly fieldPaths: Partial<Record<Entity, Set<string>>> = {};

  constructor(private readonly options: FakeConnectwiseOptions) {
    const companies = new Map(options.portfolio.companies.map((company) => [company.id, company]));
    const companyOf = (id: number) => {
      const company = companies.get(id);
      if (!company) throw new Error(`portfolio has no company ${id}`);
      return company;
    };
    this.collections = {
      company: options.portfolio.companies.map(renderCompany),
      contact: options.portfolio.contacts.map((contact) => renderContact(contact, companyOf(contact.companyId))),
      configuration: options.portfolio.assets.map((asset) => renderConfiguration(asset, companyOf(asset.companyId))),
    };
  }

  /** The rendered records, for tests that compare what the connector made of them. */
  records(entity: Entity): readonly JsonRecord[] {
    return this.collections[entity];
  }

  handle(request: FakeRequest, server: FakePsaServer): FakeResponse {
    if (!request.path.toLowerCase().startsWith(`${CONNECTWISE_API_PATH}/`.toLowerCase())) {
      return this.error(404, 'NotFound', `No API at ${request.path}; the API root is ${CONNECTWISE_API_PATH}`);
    }
    const denied = this.authenticate(request);
    if (denied) return denied;
    if (request.method !== 'GET') return this.error(405, 'MethodNotAllowed', `${request.method} is not supported here`); // [A]

    const route = request.path.slice(CONNECTWISE_API_PATH.length).replace(/\/+$/, '').toLowerCase();
    if (route === '/system/info') {
      return { status: 200, body: { version: 'v2024.1.108975', isCloud: true, serverTimeZone: 'Eastern Standard Time', cloudRegion: 'NA' }, headers: { 'api-current-version': '2024.1' } };
    }
    const entity = ({ '/company/companies': 'company', '/company/contacts': 'contact', '/company/configurations': 'configuration' } as const)[route];
    if (!entity) return this.error(404, 'NotFound', `Resource ${route} was not found`);
    try {
      return this.list(entity, request, server);
    } catch (error) {
      if (!(error instanceof InvalidQueryError)) throw error;
      // [A] ConnectWise's exact wording for a bad query; the code and shape are the documented ones.
      return { status: 400, body: { code: 'InvalidObject', message: `${RESOURCE_NAMES[entity]} query is invalid`, errors: [{ code: 'InvalidField', message: error.message, resource: entity, field: error.field }] } };
    }
  }

  errorBody(status: number, message: string): unknown {
    // [A] codes for statuses the doc lists no code for.
    const code = status === 400 ? 'InvalidObject' : status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : status === 404 ? 'NotFound' : status === 429 ? 'TooManyRequests' : 'ConnectWiseApi';
    return { code, message, errors: null };
  }

  private error(status: number, code: string, message: string): FakeResponse {
    return { status, body: { code, message, errors: null } };
  }

  private authenticate(request: FakeRequest): FakeResponse | null {
    const clientId = headerValue(request, 'clientid');
    // [A] wording; the 401 itself is what ConnectWise has done since 2019 for a missing clientId.
    if (!clientId) return this.error(401, 'Unauthorized', 'A clientId header is required. Register an integration at https://developer.connectwise.com/ClientID');
    if (clientId.toLowerCase() !== FAKE_CONNECTWISE_ACCOUNT.clientId.toLowerCase()) return this.error(401, 'Unauthorized', `clientId ${clientId} is not registered`);
    const authorization = headerValue(request, 'authorization') ?? '';
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization);
    // [A] company ids matched without case, as on the login page; keys exactly.
    const decoded = basic ? Buffer.from(basic[1]!, 'base64').toString('utf8') : '';
    const [user = '', ...password] = decoded.split(':');
    const [company = '', publicKey = ''] = user.split('+');
    const matches = company.toLowerCase() === FAKE_CONNECTWISE_ACCOUNT.companyId.toLowerCase() && publicKey === FAKE_CONNECTWISE_ACCOUNT.publicKey && password.join(':') === FAKE_CONNECTWISE_ACCOUNT.privateKey;
    if (!basic || !matches) return { status: 401, body: { code: 'ConnectWiseApi', message: 'UserNotAuthenticated', errors: null } };
    return null;
  }

  private list(entity: Entity, request: FakeRequest, server: FakePsaServer): FakeResponse {
    const page = positiveInteger(queryValue(request.query, 'page') ?? '1', 'page');
    const pageSize = Math.min(MAX_PAGE_SIZE, positiveInteger(queryValue(request.query, 'pageSize') ?? String(DEFAULT_PAGE_SIZE), 'pageSize'));
    const conditions = queryValue(request.query, 'conditions');
    const orderBy = queryValue(request.query, 'orderBy');
    const known = this.knownFields(entity);
    let records = this.collections[entity];
    if (conditions !== undefined) {
      const matches = parseConditions(conditions, known);
      records = records.filter(matches);
    }
    if (orderBy !== undefined) records = sortBy(records, orderBy, known);

    const lastPage = Math.max(1, Math.ceil(records.length / pageSize));
    const body = records.slice((page - 1) * pageSize, page * pageSize);
    const links: string[] = [];
    const linkTo = (target: number) => {
      const query = new URLSearchParams([...request.query].filter(([key]) => key.toLowerCase() !== 'page'));
      query.set('page', String(target));
      return `<${this.options.linkOrigin ?? server.url}${request.path}?${query.toString()}>`;
    };
    if (page > 1 && page <= lastPage) links.push(`${linkTo(page - 1)}; rel="prev"`);
    if (page < lastPage) links.push(`${linkTo(page + 1)}; rel="next"`);
    if (page > 1 && page <= lastPage) links.push(`${linkTo(1)}; rel="first"`);
    if (page < lastPage) links.push(`${linkTo(lastPage)}; rel="last"`);
    return { status: 200, body, headers: { 'api-current-version': '2024.1', ...(links.length > 0 ? { link: links.join(', ') } : {}) } };
  }

  /** Every field path (lowercase, `/`-separated) the entity's records have, for rejecting unknown fields. */
  private knownFields(entity: Entity): Set<string> {
    let paths = this.fieldPaths[entity];
    if (!paths) {
      paths = new Set();
      for (const record of this.collections[entity]) collectPaths(record, '', paths);
      this.fieldPaths[entity] = paths;
    }
    return paths;
  }
}

function headerValue(request: FakeRequest, name: string): string | undefined {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

function queryValue(query: URLSearchParams, name: string): string | undefined {
  for (const [key, value] of query) if (key.toLowerCase() === name.toLowerCase()) return value;
  return undefined;
}

function positiveInteger(text: string, name: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new InvalidQueryError(`${name} must be a positive whole number`, name);
  return Number(text);
}

function collectPaths(value: unknown, prefix: string, paths: Set<string>): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const path = `${prefix}${key.toLowerCase()}`;
    paths.add(path);
    collectPaths(child, `${path}/`, paths);
  }
}

/** ConnectWise field names are case-insensitive; `lastUpdated` is what `_info/lastUpdated` is also known as. */
function resolveField(field: string, known: Set<string>, parameter = 'conditions'): string[] {
  const path = field.toLowerCase();
  if (known.has(path)) return path.split('/');
  if (path === 'lastupdated' && known.has('_info/lastupdated')) return ['_info', 'lastupdated'];
  throw new InvalidQueryError(`Unknown field '${field}' in ${parameter}`, parameter);
}

function readField(record: JsonRecord, path: string[]): unknown {
  let current: unknown = record;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    const key = Object.keys(current).find((candidate) => candidate.toLowerCase() === part);
    current = key === undefined ? undefined : (current as JsonRecord)[key];
  }
  return current;
}

function sortBy(records: JsonRecord[], orderBy: string, known: Set<string>): JsonRecord[] {
  const match = /^\s*([A-Za-z_][\w/]*)(?:\s+(asc|desc))?\s*$/i.exec(orderBy);
  if (!match) throw new InvalidQueryError(`orderBy '${orderBy}' is not "field asc" or "field desc"`, 'orderBy');
  const path = resolveField(match[1]!, known, 'orderBy');
  const direction = match[2]?.toLowerCase() === 'desc' ? -1 : 1;
  return records.toSorted((left, right) => {
    const a = readField(left, path);
    const b = readField(right, path);
    if (a === b) return 0;
    if (a === undefined || a === null) return -direction;
    if (b === undefined || b === null) return direction;
    return (a < b ? -1 : 1) * direction;
  });
}

// ---- conditions: field op value, and/or/not, parentheses -------------------------------------

type Token =
  | { kind: 'word'; text: string }
  | { kind: 'operator'; text: '=' | '!=' | '<' | '<=' | '>' | '>=' }
  | { kind: 'string'; text: string }
  | { kind: 'date'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'open' | 'close' };

type Literal = { kind: 'string'; value: string } | { kind: 'date'; value: number } | { kind: 'number'; value: number } | { kind: 'boolean'; value: boolean } | { kind: 'null' };
type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'like' | 'contains';
type Predicate = (record: JsonRecord) => boolean;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const rest = text.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    const operator = /^(!=|<=|>=|=|<|>)/.exec(rest);
    const quoted = /^"([^"]*)"/.exec(rest);
    const date = /^\[([^\]]*)\]/.exec(rest);
    const number = /^-?\d+(\.\d+)?(?![\w/])/.exec(rest);
    const word = /^[A-Za-z_][\w/]*/.exec(rest);
    if (rest[0] === '(' || rest[0] === ')') {
      tokens.push({ kind: rest[0] === '(' ? 'open' : 'close' });
      at += 1;
    } else if (operator) {
      tokens.push({ kind: 'operator', text: operator[1] as '=' });
      at += operator[0].length;
    } else if (quoted) {
      tokens.push({ kind: 'string', text: quoted[1]! });
      at += quoted[0].length;
    } else if (date) {
      tokens.push({ kind: 'date', text: date[1]! });
      at += date[0].length;
    } else if (number) {
      tokens.push({ kind: 'number', text: number[0] });
      at += number[0].length;
    } else if (word) {
      tokens.push({ kind: 'word', text: word[0] });
      at += word[0].length;
    } else {
      throw new InvalidQueryError(`Unexpected '${rest[0]}' at position ${at} in conditions`);
    }
  }
  return tokens;
}

/** Parses `conditions` into a record filter; anything outside the supported subset is a 400. */
export function parseConditions(text: string, known: Set<string>): Predicate {
  const tokens = tokenize(text);
  let position = 0;
  const peekWord = (word: string) => {
    const token = tokens[position];
    return token?.kind === 'word' && token.text.toLowerCase() === word;
  };

  const parseOr = (): Predicate => {
    let left = parseAnd();
    while (peekWord('or')) {
      position += 1;
      const [a, b] = [left, parseAnd()];
      left = (record) => a(record) || b(record);
    }
    return left;
  };
  const parseAnd = (): Predicate => {
    let left = parseTerm();
    while (peekWord('and')) {
      position += 1;
      const [a, b] = [left, parseTerm()];
      left = (record) => a(record) && b(record);
    }
    return left;
  };
  const parseTerm = (): Predicate => {
    const token = tokens[position];
    if (!token) throw new InvalidQueryError('conditions ends where a comparison was expected');
    if (peekWord('not')) {
      position += 1;
      const inner = parseTerm();
      return (record) => !inner(record);
    }
    if (token.kind === 'open') {
      position += 1;
      const inner = parseOr();
      if (tokens[position]?.kind !== 'close') throw new InvalidQueryError('conditions has an unclosed parenthesis');
      position += 1;
      return inner;
    }
    if (token.kind !== 'word') throw new InvalidQueryError('conditions must compare a field, as in name="Acme"');
    position += 1;
    const path = resolveField(token.text, known);
    const operatorToken = tokens[position];
    let operator: Operator;
    if (operatorToken?.kind === 'operator') operator = operatorToken.text;
    else if (operatorToken?.kind === 'word' && ['like', 'contains'].includes(operatorToken.text.toLowerCase())) operator = operatorToken.text.toLowerCase() as Operator;
    else throw new InvalidQueryError(`Expected an operator after '${token.text}' (this fake supports = != < <= > >= like contains)`);
    position += 1;
    const literal = parseLiteral(tokens[position]);
    position += 1;
    return compare(path, operator, literal, token.text);
  };

  const predicate = parseOr();
  if (position < tokens.length) throw new InvalidQueryError(`Unexpected text after position ${position} in conditions`);
  return predicate;
}

function parseLiteral(token: Token | undefined): Literal {
  if (!token) throw new InvalidQueryError('conditions ends where a value was expected');
  if (token.kind === 'string') return { kind: 'string', value: token.text };
  if (token.kind === 'number') return { kind: 'number', value: Number(token.text) };
  if (token.kind === 'date') {
    // ConnectWise dates are ISO 8601 in square brackets, as in [2024-01-01T00:00:00Z].
    if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.test(token.text)) throw new InvalidQueryError(`[${token.text}] is not a date`);
    return { kind: 'date', value: Date.parse(token.text) };
  }
  if (token.kind === 'word') {
    const word = token.text.toLowerCase();
    if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true' };
    if (word === 'null') return { kind: 'null' };
    throw new InvalidQueryError(`${token.text} is not a value; strings go in double quotes and dates in [brackets]`);
  }
  throw new InvalidQueryError('Expected a value in conditions');
}

function compare(path: string[], operator: Operator, literal: Literal, field: string): Predicate {
  const ordered = (difference: number) =>
    operator === '=' ? difference === 0 : operator === '!=' ? difference !== 0 : operator === '<' ? difference < 0 : operator === '<=' ? difference <= 0 : operator === '>' ? difference > 0 : difference >= 0;
  if (literal.kind === 'null') {
    if (operator !== '=' && operator !== '!=') throw new InvalidQueryError(`null can only be compared with = or !=`);
    return (record) => (readField(record, path) === null || readField(record, path) === undefined) === (operator === '=');
  }
  if (operator === 'like' || operator === 'contains') {
    if (literal.kind !== 'string') throw new InvalidQueryError(`${operator} needs a string in double quotes`);
    const needle = literal.value.toLowerCase();
    const pattern = new RegExp(`^${needle.split('%').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
    return (record) => {
      const value = readField(record, path);
      if (typeof value !== 'string') return false;
      return operator === 'contains' ? value.toLowerCase().includes(needle) : pattern.test(value.toLowerCase());
    };
  }
  return (record) => {
    const value = readField(record, path);
    if (value === null || value === undefined) return operator === '!=';
    switch (literal.kind) {
      case 'boolean':
        if (typeof value !== 'boolean' || (operator !== '=' && operator !== '!=')) throw new InvalidQueryError(`${field} cannot be compared with ${operator} ${literal.value}`);
        return ordered(value === literal.value ? 0 : 1);
      case 'number':
        if (typeof value !== 'number') throw new InvalidQueryError(`${field} is not a number`);
        return ordered(value - literal.value);
      case 'date': {
        const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
        if (Number.isNaN(time)) throw new InvalidQueryError(`${field} is not a date`);
        return ordered(time - literal.value);
      }
      case 'string':
        return ordered(String(value).toLowerCase().localeCompare(literal.value.toLowerCase()));
    }
  };
}

// ---- portfolio → ConnectWise JSON ---------------------------------------------------------------

/** ConnectWise stamps records to the second. */
function stamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function info(updatedAt: Date, updatedBy: string): JsonRecord {
  return { lastUpdated: stamp(updatedAt), updatedBy, dateEntered: '2021-03-01T14:00:00Z', enteredBy: 'Import1' };
}

function companyReference(company: PortfolioCompany): JsonRecord {
  return { id: company.id, identifier: identifierOf(company), name: company.name };
}

function identifierOf(company: PortfolioCompany): string {
  return `${company.name.replace(/[^A-Za-z0-9]/g, '').slice(0, 20)}${company.id}`;
}

/** Inactive companies alternate between deleted and status "Inactive": ConnectWise has both. */
function renderCompany(company: PortfolioCompany): JsonRecord {
  const deleted = !company.active && company.id % 2 === 0;
  const status = company.active || deleted ? { id: 1, name: 'Active' } : { id: 2, name: 'Inactive' };
  return {
    id: company.id,
    identifier: identifierOf(company),
    name: company.name,
    status,
    types: [COMPANY_TYPES[company.type]],
    addressLine1: `${company.id} Harbor Way`,
    city: 'Tampa',
    state: 'FL',
    zip: '33602',
    country: { id: 1, name: 'United States' },
    phoneNumber: `813555${String(company.id).slice(-4)}`,
    // Half the sites are typed as a bare domain, half as a full address, as people do.
    website: company.id % 2 === 0 ? company.domain : `https://www.${company.domain}/`,
    territory: { id: 11, name: 'Managed Services' },
    accountNumber: String(company.id),
    deletedFlag: deleted,
    ...(deleted ? { dateDeleted: stamp(company.updatedAt), deletedBy: 'jsmith' } : {}),
    leadFlag: company.type === 'prospect',
    isVendorFlag: company.type === 'vendor',
    unsubscribeFlag: false,
    site: { id: company.id * 10, name: 'Main' },
    customFields: [{ id: 4, caption: 'Security Tier', type: 'Text', entryMethod: 'List', numberOfDecimals: 0, value: company.id % 3 === 0 ? 'Gold' : 'Silver' }],
    _info: info(company.updatedAt, 'jsmith'),
  };
}

function renderContact(contact: PortfolioContact, company: PortfolioCompany): JsonRecord {
  const phone = contact.phone.replace(/\D/g, '');
  return {
    id: contact.id,
    firstName: contact.firstName,
    lastName: contact.lastName,
    company: companyReference(company),
    site: { id: company.id * 10, name: 'Main' },
    inactiveFlag: !contact.active,
    title: contact.title,
    defaultFlag: contact.id % 100 === 0,
    types: [],
    communicationItems: [
      { id: contact.id * 10 + 1, type: { id: 2, name: 'Direct' }, value: phone, extension: '', defaultFlag: true, communicationType: 'Phone' },
      { id: contact.id * 10 + 2, type: { id: 1, name: 'Email' }, value: contact.email, defaultFlag: true, domain: `@${contact.email.split('@')[1]}`, communicationType: 'Email' },
    ],
    defaultPhoneType: 'Direct',
    defaultPhoneNbr: phone,
    unsubscribeFlag: false,
    _info: info(contact.updatedAt, 'jsmith'),
  };
}

/**
 * What an RMM sync (Automate) leaves on a configuration: standard fields where ConnectWise has
 * them, the rest in custom fields and type questions, which only a field mapping reaches.
 */
function renderConfiguration(asset: PortfolioAsset, company: PortfolioCompany): JsonRecord {
  return {
    id: asset.id,
    name: asset.hostname,
    type: CONFIGURATION_TYPES[asset.kind],
    status: asset.active ? { id: 2, name: 'Active' } : { id: 3, name: 'Inactive' },
    company: companyReference(company),
    site: { id: company.id * 10, name: 'Main' },
    locationId: 11,
    businessUnitId: 1,
    deviceIdentifier: `automate-${asset.id}`,
    serialNumber: asset.serialNumber,
    modelNumber: asset.kind === 'network' ? 'FortiGate 60F' : 'OptiPlex 7010',
    tagNumber: '',
    manufacturer: asset.kind === 'network' ? { id: 7, name: 'Fortinet' } : { id: 3, name: 'Dell' },
    purchaseDate: '2023-02-01T00:00:00Z',
    installationDate: '2023-02-10T00:00:00Z',
    warrantyExpirationDate: stamp(asset.warrantyEndsAt),
    needsRenewalFlag: false,
    osType: asset.osName,
    osInfo: asset.osVersion,
    lastLoginName: `C${company.id}\\user`,
    ipAddress: `10.${Math.floor(asset.id / 65536) % 256}.${Math.floor(asset.id / 256) % 256}.${asset.id % 256}`,
    macAddress: `00:1A:2B:${[asset.id >> 16, asset.id >> 8, asset.id].map((byte) => (byte & 255).toString(16).padStart(2, '0').toUpperCase()).join(':')}`,
    lastBackupDate: stamp(asset.lastBackupAt),
    activeFlag: asset.active,
    billFlag: true,
    showAutomateFlag: true,
    questions: [
      { answerId: asset.id * 10 + 1, questionId: 101, question: 'Patch Status', answer: asset.patchStatus, sequenceNumber: 1, fieldType: 'Text', requiredFlag: false },
      { answerId: asset.id * 10 + 2, questionId: 102, question: 'Missing Patches', answer: String(asset.missingPatches), sequenceNumber: 2, fieldType: 'Number', requiredFlag: false },
      { answerId: asset.id * 10 + 3, questionId: 103, question: 'BitLocker Enabled?', answer: asset.diskEncrypted ? 'Yes' : 'No', sequenceNumber: 3, fieldType: 'Checkbox', requiredFlag: false },
    ],
    customFields: [
      { id: 21, caption: 'Antivirus Product', type: 'Text', entryMethod: 'EntryField', numberOfDecimals: 0, value: asset.antivirusProduct },
      { id: 22, caption: 'Antivirus Status', type: 'Text', entryMethod: 'List', numberOfDecimals: 0, value: asset.antivirusStatus },
      { id: 23, caption: 'Last Check-In', type: 'Date', entryMethod: 'EntryField', numberOfDecimals: 0, value: stamp(asset.lastSeenAt) },
    ],
    _info: info(asset.updatedAt, 'Automate'),
  };
}
