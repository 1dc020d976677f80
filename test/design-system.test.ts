/**
 * The visual identity of issue 21 as rules the code keeps: one status colour map covering every
 * state with readable contrast, company initials, one date format, the spacing scale used by
 * every margin, padding and gap, and the /dev/ui page left out of production builds.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES, JOB_STATUSES } from '../db/schema.ts';
import { initialsOf, paletteIndexOf } from '../web/src/lib/initials.ts';
import { STATUS_TONE } from '../web/src/lib/status.ts';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};
const css = () => readFile('web/src/styles.css', 'utf8');
const token = (text: string, name: string) => text.match(new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`))?.[1];

async function sourcesOf(dir: string): Promise<{ file: string; text: string }[]> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => /\.(ts|tsx)$/.test(f));
  return Promise.all(files.map(async (f) => ({ file: f, text: await readFile(join(dir, f), 'utf8') })));
}

describe('status colours', () => {
  it('give every application and job state a tone from one map, each readable (4.5:1)', async () => {
    const text = await css();
    for (const status of [...APPLICATION_STATUSES, ...JOB_STATUSES]) expect(STATUS_TONE[status], status).toBeDefined();
    for (const tone of new Set(Object.values(STATUS_TONE))) {
      const ink = token(text, `status-${tone}-ink`);
      const bg = token(text, `status-${tone}-bg`);
      expect(ink && bg, tone).toBeTruthy();
      expect(contrast(ink!, bg!), tone).toBeGreaterThanOrEqual(4.5);
      expect(text).toContain(`.status-${tone} {`);
    }
  });

  it('are not chosen page by page', async () => {
    const offenders = (await sourcesOf('web/src')).filter(({ text }) =>
      /badge-\$\{|badge-(submitted|closed|active)/.test(text),
    );
    expect(offenders.map((o) => o.file)).toEqual([]);
  });
});

describe('company marks', () => {
  it('show two initials, the same colour for the same company, white on a colour of 4.5:1 or more', async () => {
    expect(initialsOf('Northwind Health')).toBe('NH');
    expect(initialsOf('ledgerline')).toBe('LE');
    expect(initialsOf('  Café  Ñandú & Co ')).toBe('CÑ');
    expect(initialsOf('***')).toBe('?');
    expect(paletteIndexOf('Northwind Health')).toBe(paletteIndexOf('Northwind Health'));
    const text = await css();
    for (let i = 0; i < 6; i++) {
      const colour = text.match(new RegExp(`\\.company-mark-${i} \\{ background: (#[0-9a-f]{6})`))?.[1];
      expect(colour, `company-mark-${i}`).toBeDefined();
      expect(contrast(colour!, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('one date format', () => {
  it('formats every date of the web app through lib/format.ts', async () => {
    const offenders = (await sourcesOf('web/src'))
      .filter(({ file }) => file !== join('lib', 'format.ts'))
      .filter(({ text }) =>
        /toLocaleDateString|toLocaleTimeString|DateTimeFormat|new Date\([^)]*\)\.toLocaleString|toISOString\(\)\.slice/.test(
          text,
        ),
      );
    expect(offenders.map((o) => o.file)).toEqual([]);
  });
});

describe('the spacing scale', () => {
  it('is what every margin, padding and gap of the stylesheet uses', async () => {
    const text = await css();
    const rules = text.slice(text.indexOf('}', text.indexOf(':root')));
    const raw = [...rules.matchAll(/\b(?:padding|margin|gap)(?:-[a-z]+)?: ([^;}]+)/g)]
      .map((m) => m[1]!.trim())
      .filter((value) => value.split(/\s+/).some((part) => /^[0-9.]+(rem|px)$/.test(part)));
    expect(raw).toEqual([]);
    for (let step = 0; step <= 7; step++) expect(text).toContain(`--space-${step}:`);
  });
});

describe('/dev/ui', () => {
  it.skipIf(!existsSync('dist/web/assets'))(
    'is left out of the production build and of the server renderer',
    async () => {
      const assets = await readdir('dist/web/assets');
      expect(assets.filter((f) => f.startsWith('dev-ui'))).toEqual([]);
      for (const dir of ['dist/web/assets', 'dist/ssr']) {
        for (const file of (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.js'))) {
          expect(await readFile(join(dir, file), 'utf8'), file).not.toContain('Design system');
        }
      }
    },
  );
});
