/**
 * What the browser tests share: Debian's Chromium driven by playwright-core (no browser
 * download), the Node entry and an SMTP server started around a file's tests, axe-core's check
 * of a page, screenshots, and the link of an account email.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium } from './chromium.ts';
import { startSmtpServer } from './mail.ts';
import { startNodeServer } from './server.ts';

// The browser tests import the launcher from here, with the rest of what they share.
export { launchChromium };

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}

/**
 * axe-core on the page as it is: serious or critical violations fail, named with their nodes.
 * The page's context needs `bypassCSP: true` (the app's CSP refuses the injected script).
 */
export async function expectNoSeriousViolations(page: Page): Promise<void> {
  if (page.isClosed() || page.url() === 'about:blank') return;
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, page.url()).toEqual([]);
}

/** The link of the newest email to this address (with this subject, if given), once it arrived. */
export async function emailedLink(
  smtp: Awaited<ReturnType<typeof startSmtpServer>>,
  to: string,
  subject?: string,
): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mail = smtp.received
      .filter((m) => (subject === undefined || m.subject === subject) && (m.to as { text: string }).text === to)
      .at(-1);
    const link = mail?.text ? /(https?:\/\/\S+#token=[a-z0-9]+)/.exec(mail.text)?.[1] : undefined;
    if (link) return link;
    if (Date.now() > deadline) throw new Error(`no ${subject ? `"${subject}" ` : ''}email to ${to}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

type NodeServer = Awaited<ReturnType<typeof startNodeServer>>;
type SmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the browser test's ${what} is not started (read it inside a test or hook)`);
  return value;
}

/** What a browser test drives; its parts are there from the file's first beforeAll on. */
export class BrowserWorld {
  #server: NodeServer | undefined;
  #smtp: SmtpServer | undefined;
  #browser: Browser | undefined;
  get server(): NodeServer {
    return started(this.#server, 'server');
  }
  get smtp(): SmtpServer {
    return started(this.#smtp, 'SMTP server');
  }
  get browser(): Browser {
    return started(this.#browser, 'Chromium');
  }
  async start(options: BrowserWorldOptions): Promise<void> {
    if (options.mail) this.#smtp = await startSmtpServer();
    const mail: Record<string, string> = this.#smtp
      ? { SMTP_URL: this.#smtp.url, MAIL_FROM: 'Fitwork <no-reply@fitwork.example>' }
      : {};
    this.#server = await startNodeServer({ ...mail, ...options.env }, { startupMs: options.startupMs ?? 180_000 });
    this.#browser = await launchChromium();
  }
  /** Stops what started, also after a start that failed halfway. */
  async stop(): Promise<void> {
    await this.#browser?.close();
    await this.#server?.remove();
    await this.#smtp?.close();
  }
}

export interface BrowserWorldOptions {
  /** An SMTP server in this process receives the app's mail (SMTP_URL). */
  mail?: boolean;
  env?: Record<string, string>;
  /**
   * How long the server may take to answer /health (default 180 s: a bare start took 89 s on
   * the two shared cores under a load of 20, where the plain helper's 60 s failed).
   */
  startupMs?: number;
  /** The whole start's limit, server and Chromium (default 240 s). */
  timeoutMs?: number;
}

/**
 * The Node entry (its mail going to an SMTP server in this process, with `mail`) and Chromium,
 * started before the file's tests and stopped after them. Call it at the file's top level; a
 * later beforeAll of the file runs after it.
 */
export function browserWorld(options: BrowserWorldOptions = {}): BrowserWorld {
  const world = new BrowserWorld();
  beforeAll(() => world.start(options), options.timeoutMs ?? 240_000);
  afterAll(() => world.stop());
  return world;
}

export const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

/** A full-page screenshot in test-results/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}
