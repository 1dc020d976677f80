/** Issue 15, the smaller ones: ids past Postgres integer, and highlight markers in job text. */
import { describe, expect, it } from 'vitest';
import { apiClient, createTestApp } from './helpers/app.ts';
import { codeOf, employerClient, nurseJob, seekerClient } from './helpers/actors.ts';

describe('ids and cursors', () => {
  it('answer BAD_REQUEST, never 500, from 2^31 up, on every kind of id input', async () => {
    const t = await createTestApp();
    const employer = await employerClient(t.app, 'boss@acme.example');
    const seeker = await seekerClient(t.app, 'sam@example.com');
    for (const id of [2 ** 31, 2 ** 53 - 1]) {
      expect(await codeOf(apiClient(t.app).trpc.jobs.get.query({ id }))).toBe('BAD_REQUEST');
      expect(await codeOf(seeker.trpc.applications.submit.mutate({ jobId: id, coverLetter: null }))).toBe(
        'BAD_REQUEST',
      );
      expect(await codeOf(seeker.trpc.matches.markViewed.mutate({ jobId: id }))).toBe('BAD_REQUEST');
      expect(await codeOf(employer.trpc.matches.candidatesForJob.query({ jobId: id }))).toBe('BAD_REQUEST');
      expect(await codeOf(employer.trpc.applications.setStatus.mutate({ id, status: 'reviewed' }))).toBe('BAD_REQUEST');
      expect(await codeOf(employer.trpc.audit.forEmployer.query({ jobId: id }))).toBe('BAD_REQUEST');
      expect(await codeOf(seeker.trpc.matches.forMe.query({ cursor: `0.5:${id}` }))).toBe('BAD_REQUEST');
      expect(await codeOf(apiClient(t.app).trpc.jobs.search.query({ q: '', cursor: `1:${id}` }))).toBe('BAD_REQUEST');
    }
    expect(await codeOf(apiClient(t.app).trpc.jobs.get.query({ id: 2 ** 31 - 1 }))).toBe('NOT_FOUND');
  });
});

describe('search highlights', () => {
  it('never come from control characters written into a job', async () => {
    const t = await createTestApp();
    const employer = await employerClient(t.app, 'boss@acme.example');
    await employer.trpc.jobs.create.mutate({
      ...nurseJob,
      title: 'Pediatric Nurse \u0002FREE\u0003 money',
      description: `${nurseJob.description} \u0002Click\u0003 \u0002here\u0003 now.`,
    });
    const { items } = await apiClient(t.app).trpc.jobs.search.query({ q: 'nurse' });
    expect(items).toHaveLength(1);
    const marked = [...items[0]!.titleSegments, ...items[0]!.snippet]
      .filter((s) => s.match)
      .map((s) => s.text.toLowerCase());
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((text) => text.startsWith('nurs'))).toBe(true);
  });
});
