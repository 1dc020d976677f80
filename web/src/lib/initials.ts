/** A company's initials and colour for its mark (components/company-mark.tsx). */

/** "Northwind Health" → "NH", "ledgerline" → "LE". */
export function initialsOf(name: string): string {
  const words = name.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return '?';
  if (words.length === 1) return words[0]!.slice(0, 2).toUpperCase();
  return (words[0]![0]! + words[1]![0]!).toUpperCase();
}

/** The same company always gets the same of the six colours (each 4.5:1 or more under white). */
export function paletteIndexOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % 6;
}
