/**
 * Issue 16: the application carries the resume it was sent with (snapshot and original file),
 * notes, rejection reasons, offer, bulk moves; erasure and the retention sweep remove them.
 */
import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { runMaintenance } from '../server/maintenance.ts';
import { RESUME_FIXTURES } from './fixtures/resumes.ts';
import { createTestApp } from './helpers/app.ts';
import { codeOf, employerClient, failureOf, nurseJob, PASSWORD, seekerClient, type Client } from './helpers/actors.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const docx = new Uint8Array(
  await readFile(new URL('./fixtures/parsing/files/home-health-nurse.docx', import.meta.url)),
);
const pasted = RESUME_FIXTURES.find((f) => f.id === 'pediatric-nurse')!.text;

let t: Awaited<ReturnType<typeof createTestApp>>;
let employer: Client & { id: number };
let rival: Client & { id: number };
let seeker: Client & { id: number };
let jobId: number;

async function upload(client: Client, bytes: Uint8Array<ArrayBuffer>, name: string) {
  const form = new FormData();
  form.append('file', new File([bytes], name));
  await client.trpc.seekers.uploadResume.mutate(form);
  await t.settle();
}

const download = (client: Client, applicationId: number) =>
  client.fetch(`http://localhost/files/applications/${applicationId}/resume`);

beforeEach(async () => {
  t = await createTestApp();
  employer = await employerClient(t.app, 'boss@acme.example', 'Acme Health');
  rival = await employerClient(t.app, 'boss@rival.example', 'Rival');
  seeker = await seekerClient(t.app, 'rosa@example.com', { firstName: 'Rosalind', lastName: 'Quartermaine' });
  jobId = (await employer.trpc.jobs.create.mutate(nurseJob)).id;
});

describe('the resume an application carries', () => {
  it('keeps the parsed resume and the exact original; a later upload changes neither; others hear NOT_FOUND', async () => {
    await upload(seeker, docx, 'Rosa résumé (final).docx');
    const applied = await seeker.trpc.applications.submit.mutate({ jobId, coverLetter: null });
    expect(applied.resume).toEqual({ attached: true, fileName: 'Rosa resume _final_.docx' });

    const snapshot = await employer.trpc.applications.resume.query({ applicationId: applied.id });
    expect(snapshot).toMatchObject({
      source: 'apply',
      text: expect.stringContaining('Home health nurse'),
      data: { work: expect.arrayContaining([expect.objectContaining({ name: expect.any(String) })]) },
      file: { name: 'Rosa resume _final_.docx', contentType: DOCX_TYPE, sizeBytes: docx.byteLength },
    });
    expect(snapshot!.skills.length).toBeGreaterThan(0);

    const response = await download(employer, applied.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(DOCX_TYPE);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Rosa resume _final_.docx"; filename*=UTF-8''Rosa%20resume%20_final_.docx`,
    );
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(docx);

    expect(await codeOf(rival.trpc.applications.resume.query({ applicationId: applied.id }))).toBe('NOT_FOUND');
    expect((await download(rival, applied.id)).status).toBe(404);

    // The seeker changes their resume, then withdraws: the employer's record stays as it was sent.
    await upload(seeker, new TextEncoder().encode(pasted), 'new.txt');
    await seeker.trpc.applications.withdraw.mutate({ id: applied.id });
    expect(await employer.trpc.applications.resume.query({ applicationId: applied.id })).toEqual(snapshot);
    expect(new Uint8Array(await (await download(employer, applied.id)).arrayBuffer())).toEqual(docx);
  });

  it('names a hostile file safely and serves it by its real type, never as HTML', async () => {
    const html = new TextEncoder().encode(`<script>alert(1)</script>\n${pasted}`);
    await upload(seeker, html, '../../evil"\r\nSet-Cookie: x=1;.html');
    const { id } = await seeker.trpc.applications.submit.mutate({ jobId, coverLetter: null });
    const response = await download(employer, id);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="evil_Set-Cookie_ x_1_.txt"; filename*=UTF-8''evil_Set-Cookie_%20x_1_.txt`,
    );
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('attaches no file after a pasted resume replaced the upload, and says when there was no resume', async () => {
    const other = await seekerClient(t.app, 'kim@example.com');
    expect((await other.trpc.applications.submit.mutate({ jobId, coverLetter: null })).resume).toEqual({
      attached: false,
      fileName: null,
    });
    await upload(seeker, docx, 'cv.docx');
    await seeker.trpc.seekers.setResume.mutate({ text: pasted });
    await t.settle();
    expect(t.files.keys()).toEqual([]);
    const { id } = await seeker.trpc.applications.submit.mutate({ jobId, coverLetter: null });
    expect(await employer.trpc.applications.resume.query({ applicationId: id })).toMatchObject({
      text: pasted,
      file: null,
    });
    expect((await download(employer, id)).status).toBe(404);
  });

  it('is erased with the account: file, upload and snapshot', async () => {
    await upload(seeker, docx, 'cv.docx');
    const { id } = await seeker.trpc.applications.submit.mutate({ jobId, coverLetter: null });
    await employer.trpc.applications.addNote.mutate({ applicationId: id, body: 'Call Rosalind on Monday.' });
    expect(t.files.keys()).toEqual([`applications/${id}/resume`, `seekers/${seeker.id}/resume`]);
    const exported = await seeker.trpc.account.export.query();
    if (!('applicationResumes' in exported)) throw new Error('a seeker export lists the snapshots');
    expect(exported.applicationResumes).toMatchObject([
      { applicationId: id, source: 'apply', file: { name: 'cv.docx' } },
    ]);
    expect(exported.storedFiles.map((f) => f.kind)).toEqual(['latest resume upload', `application ${id}`]);

    await seeker.trpc.account.delete.mutate({ password: PASSWORD });
    expect(t.files.keys()).toEqual([]);
    expect(await employer.trpc.applications.resume.query({ applicationId: id })).toBeNull();
    expect((await download(employer, id)).status).toBe(404);
    expect(await employer.trpc.applications.notes.query({ applicationId: id })).toEqual([]);
  });

  it('is erased by the resume retention sweep', async () => {
    await upload(seeker, docx, 'cv.docx');
    const { id } = await seeker.trpc.applications.submit.mutate({ jobId, coverLetter: null });
    const config = { resumeRetentionMonths: 24, decisionLogRetentionMonths: 24 };
    const later = (days: number) => new Date(t.clock.now.getTime() + days * 86_400_000);
    await runMaintenance(t.db, { now: later(24 * 31 - 20), config, mail: null, files: t.files });
    expect(t.files.keys()).toHaveLength(2);
    const swept = await runMaintenance(t.db, { now: later(24 * 31 + 20), config, mail: null, files: t.files });
    expect(swept.erasedResumes).toBe(1);
    expect(t.files.keys()).toEqual([]);
    expect(await employer.trpc.applications.resume.query({ applicationId: id })).toBeNull();
  });

  it('refuses a second application after a withdrawal, and says why', async () => {
    const { id } = await seeker.trpc.applications.submit.mutate({ jobId, coverLetter: null });
    await seeker.trpc.applications.withdraw.mutate({ id });
    expect(await failureOf(seeker.trpc.applications.submit.mutate({ jobId, coverLetter: null }))).toMatchObject({
      code: 'CONFLICT',
      message: 'You withdrew your application to this job, so it cannot be sent again.',
    });
    const [mine] = await seeker.trpc.applications.mine.query();
    expect(mine).toMatchObject({ status: 'withdrawn', canWithdraw: false, canApplyAgain: false });
  });
});

describe('notes and decisions', () => {
  let applicationId: number;
  beforeEach(async () => {
    await seeker.trpc.seekers.setResume.mutate({ text: pasted });
    await t.settle();
    applicationId = (await seeker.trpc.applications.submit.mutate({ jobId, coverLetter: null })).id;
  });

  it('keeps private notes with who and when, for the job’s employer only', async () => {
    const note = await employer.trpc.applications.addNote.mutate({ applicationId, body: '  Strong on pediatrics.  ' });
    expect(note).toEqual({
      id: expect.any(Number),
      body: 'Strong on pediatrics.',
      at: t.clock.now.toISOString(),
      author: { id: employer.id, email: 'boss@acme.example' },
    });
    expect(await employer.trpc.applications.notes.query({ applicationId })).toEqual([note]);
    expect(await codeOf(rival.trpc.applications.notes.query({ applicationId }))).toBe('NOT_FOUND');
    expect(await codeOf(rival.trpc.applications.addNote.mutate({ applicationId, body: 'x' }))).toBe('NOT_FOUND');
    expect(JSON.stringify(await seeker.trpc.applications.mine.query())).not.toContain('Strong on pediatrics');
    expect((await employer.trpc.applications.forJob.query({ jobId })).applications[0]!.notes).toBe(1);
  });

  it('rejects with a reason, private detail and a message the seeker reads in their tracker', async () => {
    await employer.trpc.applications.setStatus.mutate({ id: applicationId, status: 'reviewed' });
    await employer.trpc.applications.setStatus.mutate({
      id: applicationId,
      status: 'rejected',
      rejection: {
        reason: 'experience_level',
        detail: 'Wants ICU years.',
        message: 'Thank you; we chose more ICU experience.',
      },
    });
    const [mine] = await seeker.trpc.applications.mine.query();
    expect(mine!.rejection).toEqual({
      reason: 'experience_level',
      message: 'Thank you; we chose more ICU experience.',
    });
    expect(JSON.stringify(mine)).not.toContain('Wants ICU years');
    expect(mine!.history.map((h) => h.toStatus)).toEqual(['submitted', 'reviewed', 'rejected']);
    const [theirs] = (await employer.trpc.applications.forJob.query({ jobId })).applications;
    expect(theirs!.rejection).toEqual({
      reason: 'experience_level',
      detail: 'Wants ICU years.',
      message: 'Thank you; we chose more ICU experience.',
    });
    expect(
      await failureOf(
        employer.trpc.applications.setStatus.mutate({
          id: applicationId,
          status: 'rejected',
          rejection: { reason: 'because' as never, detail: null, message: null },
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('moves many at once, each on its own, at most 50, only the employer’s own', async () => {
    const other = await seekerClient(t.app, 'kim@example.com');
    const second = (await other.trpc.applications.submit.mutate({ jobId, coverLetter: null })).id;
    await employer.trpc.applications.setStatus.mutate({ id: second, status: 'reviewed' });
    expect(
      await employer.trpc.applications.setStatusMany.mutate({ ids: [applicationId, second], status: 'reviewed' }),
    ).toEqual({
      status: 'reviewed',
      moved: [applicationId],
      refused: [{ id: second, message: 'A reviewed application can move to interview or rejected, not reviewed.' }],
    });
    expect(
      await codeOf(rival.trpc.applications.setStatusMany.mutate({ ids: [applicationId], status: 'interview' })),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(
        employer.trpc.applications.setStatusMany.mutate({
          ids: Array.from({ length: 51 }, (_, i) => i + 1),
          status: 'reviewed',
        }),
      ),
    ).toBe('BAD_REQUEST');
    const { counts } = await employer.trpc.applications.forJob.query({ jobId });
    expect(counts).toMatchObject({ submitted: 0, reviewed: 2 });
  });
});
