import { describe, expect, it } from 'vitest';
import { createProviders } from '../server/providers.ts';
import { createApp } from '../server/app.ts';
import { parseConfig } from '../server/config.ts';
import { silentLogger } from '../server/logger.ts';
import { apiClient, createTestApp, testPasswordHasher } from './helpers/app.ts';

describe('GET /health', () => {
  it('answers 200 with the pgvector version when the database is up', async () => {
    const t = await createTestApp();
    const response = await t.app.request('/health');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const installed = await t.pg.query<{ extversion: string }>(
      `select extversion from pg_extension where extname = 'vector'`,
    );
    expect(await response.json()).toEqual({ status: 'ok', database: 'up', pgvector: installed.rows[0]!.extversion });
    await t.close();
  });

  it('answers 503 when the database is closed, and procedures fail cleanly', async () => {
    const t = await createTestApp({ fresh: true });
    t.expectErrors(/database unavailable|procedure failed.*PGlite is closed/);
    await t.close();
    const response = await t.app.request('/health');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', database: 'down' });
    const error = await apiClient(t.app)
      .trpc.auth.signIn.mutate({ email: 'a@b.example', password: 'whatever pass' })
      .catch((e: Error) => e);
    expect((error as Error).message).toBe('Something went wrong on our side. Please try again in a moment.');
    expect(JSON.stringify(error)).not.toMatch(/select|insert|PGlite|stack/i);
  });

  it('answers 503 when no database connection can be opened', async () => {
    const app = createApp({
      config: parseConfig({ APP_ENV: 'test' }),
      clock: () => new Date(),
      passwords: await testPasswordHasher(),
      ai: createProviders(),
      logger: silentLogger,
      openDatabase: async () => {
        throw new Error('connection refused');
      },
      runAfterResponse: () => {},
      clientIp: () => null,
    });
    const health = await app.request('/health');
    expect(health.status).toBe(503);
    const procedure = await app.request('/trpc/auth.me');
    expect(procedure.status).toBe(503);
    expect(await procedure.text()).not.toMatch(/connection refused/);
  });
});

describe('security headers', () => {
  it('are on every response', async () => {
    const t = await createTestApp();
    const response = await t.app.request('/health');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    await t.close();
  });
});

describe('parseConfig', () => {
  it('treats empty variables as unset and refuses a malformed one with a clear message', () => {
    expect(parseConfig({ PORT: '', DATA_DIR: '', OPENAI_API_KEY: '' })).toMatchObject({
      port: 8787,
      dataDir: '.data',
      openaiApiKey: undefined,
    });
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(/Invalid configuration: PORT/);
    expect(() => parseConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
  });

  it('takes PGlite’s page cache as a size, and refuses anything else before Postgres sees it', () => {
    expect(parseConfig({}).pgliteSharedBuffers).toBeUndefined();
    expect(parseConfig({ PGLITE_SHARED_BUFFERS: '384MB' }).pgliteSharedBuffers).toBe('384MB');
    for (const bad of ['lots', '384', '0MB', '384MB -c fsync=off', '1TB'])
      expect(() => parseConfig({ PGLITE_SHARED_BUFFERS: bad })).toThrow(
        /PGLITE_SHARED_BUFFERS must be a size like 384MB/,
      );
  });
});
