/**
 * The originals of uploaded resumes and the snapshot each application keeps. The seeker's
 * latest upload is kept (bytes in the FileStore, a row in resume_files) so that applying can
 * copy it; an application's copy never changes after, whatever the seeker uploads or pastes.
 */
import { TRPCError } from '@trpc/server';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import {
  applicationResumes,
  applications,
  jobs,
  jobSeekerSkills,
  jobSeekers,
  resumeFiles,
  skills,
} from '../../db/schema.ts';
import { requireApplicationAccess } from '../companies/access.ts';
import { fileKeys, type FileStore } from './store.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const EXTENSIONS: Record<string, string> = {
  'application/pdf': '.pdf',
  [DOCX]: '.docx',
  'text/plain; charset=utf-8': '.txt',
};

/** The type read from the bytes (as extract-text decides the format), never from the name the browser sent. */
export function contentTypeOf(bytes: Uint8Array): string {
  const starts = (signature: number[]) => signature.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts([0x50, 0x4b, 0x03, 0x04])) return DOCX;
  return 'text/plain; charset=utf-8';
}

/**
 * A name safe in a header and on any disk: letters, digits, dot, dash, underscore and space,
 * no leading dot, at most 100 characters, ending in the extension of its real type.
 */
export function safeFileName(name: string, contentType: string): string {
  const extension = EXTENSIONS[contentType] ?? '';
  const stem = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[^A-Za-z0-9._ -]+/g, '_')
    .replace(/^[.\s_-]+/, '')
    .slice(0, 100 - extension.length)
    .trim();
  return `${stem || 'resume'}${extension}`;
}

/** Keeps the bytes of the seeker's upload, replacing the previous one. */
export async function keepUploadedResume(
  db: Queryable,
  files: FileStore,
  seekerId: number,
  upload: { name: string; bytes: Uint8Array },
  now: Date,
) {
  const key = fileKeys.seekerResume(seekerId);
  const contentType = contentTypeOf(upload.bytes);
  await files.put(key, upload.bytes);
  const row = {
    fileKey: key,
    fileName: safeFileName(upload.name, contentType),
    contentType,
    sizeBytes: upload.bytes.byteLength,
    uploadedAt: now,
  };
  await db
    .insert(resumeFiles)
    .values({ jobSeekerId: seekerId, ...row })
    .onConflictDoUpdate({ target: resumeFiles.jobSeekerId, set: row });
}

/** A pasted resume replaces the upload: the old original no longer says what the resume says. */
export async function forgetUploadedResume(db: Queryable, files: FileStore, seekerId: number) {
  const removed = await db
    .delete(resumeFiles)
    .where(eq(resumeFiles.jobSeekerId, seekerId))
    .returning({ key: resumeFiles.fileKey });
  await files.delete(removed.map((r) => r.key));
}

/**
 * Copies the seeker's resume as it is now into the application: text, parsed JSON Resume,
 * skills, and the original file when the resume was uploaded. Runs inside the apply transaction.
 */
export async function snapshotResume(db: Queryable, files: FileStore, seekerId: number, applicationId: number) {
  const [seeker] = await db
    .select({
      text: jobSeekers.resumeText,
      data: jobSeekers.resumeData,
      parserModel: jobSeekers.resumeParserModel,
      updatedAt: jobSeekers.resumeUpdatedAt,
    })
    .from(jobSeekers)
    .where(eq(jobSeekers.id, seekerId));
  if (!seeker || (seeker.text === null && seeker.data === null)) return;
  const skillRows = await db
    .select({ name: sql<string>`coalesce(${skills.name}, ${jobSeekerSkills.customName})` })
    .from(jobSeekerSkills)
    .leftJoin(skills, eq(skills.id, jobSeekerSkills.skillId))
    .where(eq(jobSeekerSkills.jobSeekerId, seekerId))
    .orderBy(sql`lower(coalesce(${skills.name}, ${jobSeekerSkills.customName}))`);
  const [upload] = await db.select().from(resumeFiles).where(eq(resumeFiles.jobSeekerId, seekerId));
  const bytes = upload ? await files.get(upload.fileKey) : null;
  const key = fileKeys.applicationResume(applicationId);
  if (upload && bytes) await files.put(key, bytes);
  await db.insert(applicationResumes).values({
    applicationId,
    source: 'apply',
    resumeText: seeker.text,
    resumeData: seeker.data,
    skills: skillRows.map((s) => s.name),
    parserModel: seeker.parserModel,
    resumeUpdatedAt: seeker.updatedAt,
    ...(upload && bytes
      ? { fileKey: key, fileName: upload.fileName, contentType: upload.contentType, sizeBytes: upload.sizeBytes }
      : {}),
  });
}

const NOT_FOUND = () => new TRPCError({ code: 'NOT_FOUND', message: 'This application was not found.' });

/** Who may read an application's resume among non-employers: the seeker who sent it. */
function sentBy(user: { id: number; userType: string }) {
  return user.userType === 'job_seeker' ? eq(applications.jobSeekerId, user.id) : sql`false`;
}

async function snapshotRow(db: Queryable, user: { id: number; userType: string }, applicationId: number) {
  // Employers: the owners and recruiters of the job's company, and an interviewer assigned to it (issue 19).
  const isMember = user.userType === 'employer';
  if (isMember) await requireApplicationAccess(db, user.id, applicationId, 'view-assigned');
  const [row] = await db
    .select({ applicationId: applications.id, snapshot: applicationResumes })
    .from(applications)
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .leftJoin(applicationResumes, eq(applicationResumes.applicationId, applications.id))
    .where(isMember ? eq(applications.id, applicationId) : and(eq(applications.id, applicationId), sentBy(user)));
  if (!row) throw NOT_FOUND();
  return row.snapshot;
}

/** `applications.resume`: the snapshot, or null when the seeker had no resume when they applied. */
export async function applicationResume(db: Queryable, user: { id: number; userType: string }, applicationId: number) {
  const s = await snapshotRow(db, user, applicationId);
  if (!s) return null;
  return {
    source: s.source,
    text: s.resumeText,
    data: s.resumeData,
    skills: s.skills,
    parserModel: s.parserModel,
    resumeUpdatedAt: s.resumeUpdatedAt?.toISOString() ?? null,
    takenAt: s.createdAt.toISOString(),
    file:
      s.fileKey && s.fileName && s.contentType
        ? {
            name: s.fileName,
            contentType: s.contentType,
            sizeBytes: s.sizeBytes ?? 0,
            url: `/files/applications/${applicationId}/resume`,
          }
        : null,
  };
}

/** The original file an application was sent with, for the download route. */
export async function applicationResumeFile(
  db: Queryable,
  files: FileStore,
  user: { id: number; userType: string },
  applicationId: number,
) {
  const s = await snapshotRow(db, user, applicationId);
  if (!s?.fileKey || !s.fileName || !s.contentType) throw NOT_FOUND();
  const bytes = await files.get(s.fileKey);
  if (!bytes) throw NOT_FOUND();
  return { bytes, name: s.fileName, contentType: s.contentType };
}

/** What an export lists: the snapshots of the seeker's applications, and which files are stored (not their bytes). */
export async function exportResumeRecords(db: Queryable, seekerId: number) {
  const snapshots = await db
    .select({ snapshot: applicationResumes })
    .from(applicationResumes)
    .innerJoin(applications, eq(applications.id, applicationResumes.applicationId))
    .where(eq(applications.jobSeekerId, seekerId));
  const [upload] = await db.select().from(resumeFiles).where(eq(resumeFiles.jobSeekerId, seekerId));
  return {
    applicationResumes: snapshots.map(({ snapshot: s }) => ({
      applicationId: s.applicationId,
      source: s.source,
      text: s.resumeText,
      jsonResume: s.resumeData,
      skills: s.skills,
      parserModel: s.parserModel,
      resumeUpdatedAt: s.resumeUpdatedAt?.toISOString() ?? null,
      takenAt: s.createdAt.toISOString(),
      file: s.fileName ? { name: s.fileName, contentType: s.contentType, sizeBytes: s.sizeBytes } : null,
    })),
    // The bytes are not in this document: each original can be downloaded from its application.
    storedFiles: [
      ...(upload
        ? [
            {
              kind: 'latest resume upload',
              name: upload.fileName,
              contentType: upload.contentType,
              sizeBytes: upload.sizeBytes,
            },
          ]
        : []),
      ...snapshots.flatMap(({ snapshot: s }) =>
        s.fileName
          ? [
              {
                kind: `application ${s.applicationId}`,
                name: s.fileName,
                contentType: s.contentType,
                sizeBytes: s.sizeBytes,
              },
            ]
          : [],
      ),
    ],
  };
}

/**
 * Erases the seekers' resume records (erasure, the retention sweep): their upload and their
 * applications' snapshots. Returns the file keys to delete once the transaction commits.
 */
export async function eraseResumeRecords(db: Queryable, seekerIds: number[]): Promise<string[]> {
  if (seekerIds.length === 0) return [];
  const uploads = await db
    .delete(resumeFiles)
    .where(inArray(resumeFiles.jobSeekerId, seekerIds))
    .returning({ key: resumeFiles.fileKey });
  const theirs = db
    .select({ id: applications.id })
    .from(applications)
    .where(inArray(applications.jobSeekerId, seekerIds));
  const snapshots = await db
    .delete(applicationResumes)
    .where(inArray(applicationResumes.applicationId, theirs))
    .returning({ key: applicationResumes.fileKey });
  return [...uploads.map((u) => u.key), ...snapshots.flatMap((s) => (s.key ? [s.key] : []))];
}
