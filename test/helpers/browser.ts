/**
 * What the browser tests share: Debian's Chromium driven by playwright-core (no browser
 * download), axe-core's check of a page, and the link of an account email.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { startSmtpServer } from './mail.ts';

const CHROMIUM =
  process.env.CHROMIUM_PATH ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ??
  'chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

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
