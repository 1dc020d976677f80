/**
 * The key under which a skill name or alias is unique: "Python", " python ", "PYTHON" and
 * "Python 3" all fold to "python". Punctuation that carries meaning (C++, C#, .NET, Node.js)
 * is kept; version suffixes after a space are dropped.
 */
export function normalizeSkillName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s,;:!?'"()[\]{}]+|[\s,;:!?'"()[\]{}]+$/g, '')
    .replace(/(?<=[a-z+#])\s+v?\d+(\.\d+)*$/, '')
    .trim();
}
