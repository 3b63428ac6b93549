import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { ConfigError, ENV_VARS, loadConfig } from './config.js';

describe(loadConfig.name, () => {
  it('runs embedded with the demo on by default', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.demo).toBe(true);
    expect(config.migrateOnStart).toBe(true);
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://127.0.0.1:3000');
    expect(config.entra.audiences).toEqual([]);
  });

  it('turns the demo off by default on a real PostgreSQL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/rampart' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/rampart', RAMPART_DEMO: 'true' }).demo).toBe(true);
  });

  it('shows localhost in the public URL when listening on every interface', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
  });

  it('reads Entra audiences as a comma-separated list and trims the authority', () => {
    const config = loadConfig({ ENTRA_AUDIENCE: 'api://rampart, 11111111-2222-3333-4444-555555555555', ENTRA_AUTHORITY: 'http://127.0.0.1:9999/' });
    expect(config.entra.audiences).toEqual(['api://rampart', '11111111-2222-3333-4444-555555555555']);
    expect(config.entra.authority).toBe('http://127.0.0.1:9999');
  });

  it('names every bad variable at once', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', RAMPART_DEMO: 'maybe', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(4);
      expect(problems.join('\n')).toMatch(/PORT must be an integer from 0 to 65535, got "eighty"/);
      expect(problems.join('\n')).toMatch(/RAMPART_DEMO must be true or false/);
      expect(problems.join('\n')).toMatch(/LOG_LEVEL must be one of/);
      expect(problems.join('\n')).toMatch(/DATABASE_URL must start with postgres/);
    }
  });
});

describe('report storage', () => {
  it('is a directory under the data directory by default, or the one named', () => {
    expect(loadConfig({ RAMPART_DATA_DIR: '/srv/rampart' }).reports.storage).toEqual({ kind: 'local', directory: '/srv/rampart/reports' });
    expect(loadConfig({ RAMPART_REPORTS_DIR: '/mnt/reports' }).reports.storage).toEqual({ kind: 'local', directory: '/mnt/reports' });
  });

  it('is Supabase Storage when SUPABASE_URL is set, with the service-role key and a bucket', () => {
    expect(loadConfig({ SUPABASE_URL: 'https://abc.supabase.co/', SUPABASE_SERVICE_ROLE_KEY: 'key' }).reports.storage).toEqual({ kind: 'supabase', url: 'https://abc.supabase.co', serviceRoleKey: 'key', bucket: 'reports' });
  });

  it.each([
    [{ SUPABASE_URL: 'https://abc.supabase.co' }, /SUPABASE_SERVICE_ROLE_KEY must be set when SUPABASE_URL is/],
    [{ SUPABASE_SERVICE_ROLE_KEY: 'key' }, /SUPABASE_SERVICE_ROLE_KEY is set but SUPABASE_URL is not/],
    [{ SUPABASE_URL: 'abc.supabase.co', SUPABASE_SERVICE_ROLE_KEY: 'key' }, /SUPABASE_URL must start with https:\/\//],
    [{ SUPABASE_URL: 'https://abc.supabase.co', SUPABASE_SERVICE_ROLE_KEY: 'key', RAMPART_REPORTS_BUCKET: 'My Reports' }, /RAMPART_REPORTS_BUCKET must be a bucket name/],
    [{ SUPABASE_URL: 'https://abc.supabase.co', SUPABASE_SERVICE_ROLE_KEY: 'key', RAMPART_REPORTS_DIR: '/mnt/reports' }, /reports go to one store/],
  ])('refuses %j, naming the problem', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('ENV_VARS', () => {
  it('lists exactly the variables the loader reads', () => {
    const read = new Set<string>();
    const env = new Proxy({} as Record<string, string | undefined>, {
      get: (_target, name) => {
        if (typeof name === 'string') read.add(name);
        return undefined;
      },
    });
    loadConfig(env);
    expect([...read].toSorted()).toEqual([...ENV_VARS].toSorted());
  });
});
