import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { migrations } from '../../migrations/index.js';
import { hashApiKey } from '../../src/auth/api-key.secret.js';
import { runCli, runCliJson } from '../support/cli.js';
import { type CliDatabase, createCliDatabase } from '../support/cli-database.js';

let cliDb: CliDatabase;

beforeAll(async () => {
  cliDb = await createCliDatabase();
});
afterAll(() => cliDb.drop());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('rampart CLI', () => {
  it('migrate applies the schema, then reports it up to date', async () => {
    const first = await runCli(['migrate'], cliDb.env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`Applied: ${Object.keys(migrations).join(', ')}|Database is up to date`));
    const status = await runCliJson<{ applied: string[]; pending: string[] }>(['migrate', '--status'], cliDb.env);
    expect(status).toEqual({ applied: Object.keys(migrations), pending: [] });
  });

  it('tenant create prints only the id, or JSON with --json; api-key create prints the key once', async () => {
    const plain = await runCli(['tenant', 'create', '--name', 'Müller IT-Service GmbH'], cliDb.env);
    expect(plain.code).toBe(0);
    expect(plain.stdout.trim()).toMatch(UUID);

    const key = await runCli(['api-key', 'create', '--tenant', plain.stdout.trim(), '--name', 'ci', '--scopes', 'clients:read,audit:read', '--expires-in-days', '7'], cliDb.env);
    expect(key.code).toBe(0);
    expect(key.stdout.trim()).toMatch(/^rmp_[A-Za-z0-9]{10}_[A-Za-z0-9_-]{43}$/);

    const json = await runCliJson<{ id: string; name: string }>(['tenant', 'create', '--name', 'Second MSP'], cliDb.env);
    expect(json).toMatchObject({ id: expect.stringMatching(UUID), name: 'Second MSP' });
  });

  it.each([
    [['api-key', 'create', '--tenant', 'not-a-uuid', '--name', 'x'], /--tenant.*must be a UUID/],
    [['api-key', 'create', '--tenant', '00000000-0000-4000-8000-000000000000', '--name', 'x'], /Tenant 00000000-0000-4000-8000-000000000000 not found/],
    [['api-key', 'create', '--tenant', '00000000-0000-4000-8000-000000000000', '--name', 'x', '--scopes', 'clients:read,everything'], /unknown scope everything; known: clients:read/],
    [['tenant', 'create'], /required option '--name <name>' not specified/],
    [['tenant', 'create', '--name', '   '], /--name must be 1 to 200 characters/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('rampart %p fails with a message that names the problem', async (args, message) => {
    const result = await runCli(args, cliDb.env);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('demo creates the demo portfolio once and rotates its key on each call', async () => {
    const first = await runCliJson<{ tenantId: string; created: boolean; apiKey: string; sync: { status: string } }>(['demo'], cliDb.env);
    const second = await runCliJson<{ tenantId: string; created: boolean; apiKey: string }>(['demo'], cliDb.env);
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ tenantId: first.tenantId, created: false });
    expect(second.apiKey).not.toBe(first.apiKey);

    const database = await cliDb.open();
    const keys = await database.system.selectFrom('apiKeys').select(['keyHash', 'revokedAt']).where('tenantId', '=', first.tenantId).execute();
    const revoked = (key: string) => keys.find((row) => Buffer.from(row.keyHash).equals(hashApiKey(key)))?.revokedAt;
    expect(revoked(first.apiKey)).toBeInstanceOf(Date);
    expect(revoked(second.apiKey)).toBeNull();
    // Imported by a real sync from the demo ConnectWise: clients only, not prospects or the departed client.
    expect(first.sync).toMatchObject({ status: 'succeeded', counts: { created: expect.any(Number) } });
    const clients = await database.system.selectFrom('clients').select(['name', 'integrationId', 'baseline']).where('tenantId', '=', first.tenantId).execute();
    expect(clients).toHaveLength(24);
    expect(clients.every((client) => client.integrationId !== null)).toBe(true);
    expect(clients.map((client) => client.name)).toEqual(expect.arrayContaining(['Müller Zahntechnik GmbH', '東京商事株式会社', 'Łódź Logistics Sp. z o.o.']));
    expect(clients.map((client) => client.name)).not.toContain('Trailhead Outfitters');
    expect(clients.find((client) => client.name === 'Harbor Dental Group')!.baseline).toBe('Premium');
    const assets = await database.system.selectFrom('assets').select('id').where('tenantId', '=', first.tenantId).execute();
    expect(assets).toHaveLength(24 * 6);
  });
});

describe('embedded database lock', () => {
  const embedded = process.env.DATABASE_URL ? it.skip : it;

  embedded('refuses to open a data directory another process is using', async () => {
    await cliDb.open();
    const result = await runCli(['migrate', '--status'], cliDb.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`is in use by process ${process.pid}\\. Stop that process first`));
  });
});
