/**
 * The Cloudflare Worker entry: the same app, a Neon pool per request (closed after the
 * response with waitUntil), argon2's .wasm imported as a module (Workers refuse to compile
 * WebAssembly from bytes at run time). Static assets are served by the assets binding; the
 * public pages (/, /jobs, /jobs/:id, /companies/:id) reach the worker first and are rendered here.
 */
import type { ExecutionContext, ScheduledController } from '@cloudflare/workers-types';
import Argon2 from '@phi-ag/argon2';
import argon2Wasm from '@phi-ag/argon2/argon2.wasm';
// The public pages' renderer, built by `vite build --ssr` before wrangler bundles this file (decision 0012).
import * as pages from '../dist/ssr/entry-server.js';
import { openNeon } from '../db/neon.ts';
import { createApp, isCacheableRequest, isCacheableResponse, type App } from './app.ts';
import { runMaintenance } from './maintenance.ts';
import { createArgon2Hasher } from './auth/passwords.ts';
import { parseConfig } from './config.ts';
import { createProviders } from './providers.ts';
import { jsonLogger } from './logger.ts';
import { createMailSender } from './mail/setup.ts';

export interface WorkerEnv {
  DATABASE_URL?: string;
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  APP_ENV?: string;
  NEON_WS_PROXY?: string;
  PUBLIC_URL?: string;
  MAIL_API?: string;
  MAIL_API_KEY?: string;
  MAIL_API_URL?: string;
  MAIL_FROM?: string;
}

/** Links in emails need the public origin; a deployment must say it (wrangler.toml [vars] or a secret). */
function workerConfig(env: WorkerEnv) {
  const config = parseConfig({ ...env } as Record<string, string | undefined>);
  if (config.env === 'production' && !env.PUBLIC_URL)
    throw new Error('PUBLIC_URL is not set: the links in emails are built from it (set it in wrangler.toml [vars]).');
  return config;
}

let appPromise: Promise<App> | undefined;

async function buildApp(env: WorkerEnv): Promise<App> {
  const config = workerConfig(env);
  const databaseUrl = config.databaseUrl;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: add it with `wrangler secret put DATABASE_URL`.');
  const argon2 = new Argon2(await WebAssembly.instantiate(argon2Wasm));
  return createApp({
    config,
    clock: () => new Date(),
    passwords: createArgon2Hasher(argon2),
    ai: createProviders(config),
    logger: jsonLogger(),
    openDatabase: async () => {
      const { db, close } = openNeon(databaseUrl, { wsProxy: config.neonWsProxy });
      return { db, release: close };
    },
    runAfterResponse: (c, task) => c.executionCtx.waitUntil(task()),
    clientIp: (c) => c.req.header('cf-connecting-ip') ?? null,
    pages,
  });
}

function getApp(env: WorkerEnv): Promise<App> {
  // A failed start is not cached: the next request tries again.
  appPromise ??= buildApp(env).catch((error: unknown) => {
    appPromise = undefined;
    throw error;
  });
  return appPromise;
}

/** Anonymous GETs of public procedures go through the edge cache (the Cache API). */
async function cachedFetch(request: Request, env: WorkerEnv, ctx: ExecutionContext, app: App): Promise<Response> {
  const cache = isCacheableRequest(request) ? (caches as unknown as { default: Cache }).default : null;
  if (cache) {
    const hit = await cache.match(request);
    if (hit) {
      const response = new Response(hit.body, hit);
      response.headers.set('x-edge-cache', 'hit');
      return response;
    }
  }
  const response = await app.fetch(request, env, ctx);
  if (cache && isCacheableResponse(response)) {
    ctx.waitUntil(cache.put(request, response.clone()));
  }
  return response;
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    return cachedFetch(request, env, ctx, await getApp(env));
  },

  /** The Cron Trigger of wrangler.toml: the maintenance sweep (server/maintenance.ts). */
  async scheduled(_controller: ScheduledController, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
    const config = workerConfig(env);
    if (!config.databaseUrl) return;
    const { db, close } = openNeon(config.databaseUrl, { wsProxy: config.neonWsProxy });
    ctx.waitUntil(
      runMaintenance(db, new Date(), config, createMailSender(config, jsonLogger())).finally(() => close()),
    );
  },
};
