import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { extractResumeText } from '../server/seekers/extract-text.ts';

describe('a damaged Word document', () => {
  it('is reported as a document that could not be opened, not as a resume too short', async () => {
    const bytes = new Uint8Array(await readFile('test/fixtures/files/resume.docx'));
    // Garbage inside the compressed entries, the zip's directory intact: it still unzips.
    for (let i = 300; i < bytes.length - 300; i++) bytes[i] = (i * 31) & 255;
    await expect(extractResumeText(bytes)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'This Word document could not be opened. Save it again as .docx or PDF and retry.',
    });
  });

  it('still reads an intact one', async () => {
    const text = await extractResumeText(new Uint8Array(await readFile('test/fixtures/files/resume.docx')));
    expect(text.length).toBeGreaterThan(100);
  });
});
