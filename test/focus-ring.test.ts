import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

/** WCAG 2.x relative luminance and contrast ratio of two #rrggbb colours. */
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

describe('the focus ring', () => {
  it('contrasts at least 3:1 with the page and the panels it is drawn on (WCAG 1.4.11)', async () => {
    const css = await readFile('web/src/styles.css', 'utf8');
    const colour = (name: string) => css.match(new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`))![1]!;
    for (const background of ['paper', 'surface'])
      expect(contrast(colour('focus'), colour(background))).toBeGreaterThanOrEqual(3);
  });
});
