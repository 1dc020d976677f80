/**
 * The person's rights over their data (GDPR Arts. 15, 17, 20): everything we hold about them in
 * one JSON document, and erasure that leaves employers only anonymous records.
 */
import { TRPCError } from '@trpc/server';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import {
  aiDecisions,
  applicationNotes,
  applications,
  candidateInvitations,
  jobs,
  jobSeekers,
  matches,
  matchReviews,
  selfIdentifications,
  sessions,
  users,
} from '../../db/schema.ts';
import { myApplications } from '../applications/service.ts';
import type { PasswordHasher } from '../auth/passwords.ts';
import { loadProfile } from '../auth/profile.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { forgetAccountAttempts } from '../auth/throttle.ts';
import { myJobs } from '../jobs/read.ts';
import { listSeekerSkills } from '../seekers/skills.ts';
import { listDeliveries, listSources } from '../webhooks/sources.ts';
import { eraseMail, exportMail } from '../mail/account-data.ts';
import { eraseResumeRecords, exportResumeRecords } from '../files/resumes.ts';
import type { FileStore } from '../files/store.ts';
import { myInvitations } from '../invitations/service.ts';
import { eraseNotifications, exportNotifications } from '../notifications/account-data.ts';
import { eraseAlerts, exportAlerts } from '../alerts/account-data.ts';
import { eraseCandidateInterviews, exportCandidateInterviews } from '../interviews/account-data.ts';
import {
  eraseInvitationsTo,
  eraseScorecardNotesAbout,
  exportTeamData,
  leaveCompanyOnErasure,
} from '../companies/account-data.ts';
import { forgetCachedUser } from '../auth/session-cache.ts';

export async function exportAccount(db: Database, user: SessionUser, now: Date) {
  const account = await loadProfile(db, user);
  const sessionRows = await db
    .select({ createdAt: sessions.createdAt, lastVerifiedAt: sessions.lastVerifiedAt })
    .from(sessions)
    .where(eq(sessions.userId, user.id));
  const base = {
    format: 'fitwork-account-export/1',
    exportedAt: now.toISOString(),
    account,
    // When each session began and was last used; never the token or its hash.
    sessions: sessionRows.map((s) => ({
      createdAt: s.createdAt.toISOString(),
      lastUsedAt: s.lastVerifiedAt.toISOString(),
    })),
    ...(await exportMail(db, user.id)),
    ...(await exportNotifications(db, user.id)),
  };
  if (user.userType === 'job_seeker') {
    const [seeker] = await db
      .select({
        text: jobSeekers.resumeText,
        data: jobSeekers.resumeData,
        parserModel: jobSeekers.resumeParserModel,
        embeddingModel: jobSeekers.resumeEmbeddingModel,
        updatedAt: jobSeekers.resumeUpdatedAt,
        visibleToEmployers: jobSeekers.visibleToEmployers,
      })
      .from(jobSeekers)
      .where(eq(jobSeekers.id, user.id));
    const matchRows = await db
      .select({
        jobId: matches.jobId,
        jobTitle: jobs.title,
        semanticScore: matches.semanticScore,
        skillMatchScore: matches.skillMatchScore,
        overallScore: matches.overallScore,
        reasoning: matches.matchReasoning,
        matchedSkills: matches.matchedSkills,
        missingSkills: matches.missingSkills,
        algorithmVersion: matches.algorithmVersion,
        generatedAt: matches.generatedAt,
        viewedAt: matches.viewedAt,
        applied: matches.applied,
        dismissedAt: matches.dismissedAt,
        feedback: matches.feedback,
      })
      .from(matches)
      .innerJoin(jobs, eq(jobs.id, matches.jobId))
      .where(eq(matches.jobSeekerId, user.id));
    return {
      ...base,
      // The resume's structured layer is JSON Resume (jsonresume.org), importable elsewhere.
      resume: seeker
        ? {
            text: seeker.text,
            jsonResume: seeker.data,
            parserModel: seeker.parserModel,
            embeddingModel: seeker.embeddingModel,
            updatedAt: seeker.updatedAt?.toISOString() ?? null,
          }
        : null,
      // Consent to be found by employers (anonymously until applying), and their invitations.
      visibleToEmployers: seeker?.visibleToEmployers ?? false,
      invitations: await myInvitations(db, user.id),
      skills: await listSeekerSkills(db, user.id),
      selfIdentification:
        (
          await db
            .select({ sex: selfIdentifications.sex, raceEthnicity: selfIdentifications.raceEthnicity })
            .from(selfIdentifications)
            .where(eq(selfIdentifications.jobSeekerId, user.id))
        )[0] ?? null,
      applications: await myApplications(db, user.id),
      // The resume each application was sent with, and the files stored (named, not their bytes).
      ...(await exportResumeRecords(db, user.id)),
      ...(await exportAlerts(db, user.id, now)),
      ...(await exportCandidateInterviews(db, user.id)),
      matches: matchRows.map((m) => ({
        ...m,
        generatedAt: m.generatedAt.toISOString(),
        viewedAt: m.viewedAt?.toISOString() ?? null,
        dismissedAt: m.dismissedAt?.toISOString() ?? null,
      })),
      reviewRequests: await db
        .select({
          jobId: matchReviews.jobId,
          kind: matchReviews.kind,
          message: matchReviews.message,
          contestedScore: matchReviews.contestedScore,
          status: matchReviews.status,
          response: matchReviews.response,
          createdAt: matchReviews.createdAt,
          respondedAt: matchReviews.respondedAt,
        })
        .from(matchReviews)
        .where(eq(matchReviews.jobSeekerId, user.id)),
      // The AI decision log's entries about this person: every score produced and what produced it.
      aiDecisions: await db
        .select({
          createdAt: aiDecisions.createdAt,
          jobId: aiDecisions.jobId,
          overallScore: aiDecisions.overallScore,
          algorithmVersion: aiDecisions.algorithmVersion,
          experimentName: aiDecisions.experimentName,
          embeddingModel: aiDecisions.embeddingModel,
          parserModel: aiDecisions.parserModel,
          reasoningModel: aiDecisions.reasoningModel,
        })
        .from(aiDecisions)
        .where(eq(aiDecisions.jobSeekerId, user.id)),
    };
  }
  if (user.userType === 'employer') {
    const team = await exportTeamData(db, user.id);
    // The company's jobs and boards come with the export of those who manage them.
    const companyId = team.membership?.role === 'interviewer' ? null : (team.membership?.companyId ?? null);
    const sources = companyId ? await listSources(db, companyId) : [];
    return {
      ...base,
      team,
      jobs: companyId ? await myJobs(db, companyId) : [],
      jobBoards: await Promise.all(
        sources.map(async (s) => ({ ...s, deliveries: await listDeliveries(db, companyId!, s.id, 200) })),
      ),
      invitationsSent: (companyId === null
        ? []
        : await db
            .select({
              jobId: candidateInvitations.jobId,
              message: candidateInvitations.message,
              status: candidateInvitations.status,
              createdAt: candidateInvitations.createdAt,
              respondedAt: candidateInvitations.respondedAt,
            })
            .from(candidateInvitations)
            .where(eq(candidateInvitations.employerId, companyId))
      ).map((i) => ({ ...i, createdAt: i.createdAt.toISOString(), respondedAt: i.respondedAt?.toISOString() ?? null })),
      notesWritten: await notesWrittenBy(db, user.id),
    };
  }
  return base;
}

/** The private notes this person wrote on applications: their own words, so theirs to take away. */
async function notesWrittenBy(db: Database, authorId: number) {
  const rows = await db
    .select({
      applicationId: applicationNotes.applicationId,
      body: applicationNotes.body,
      createdAt: applicationNotes.createdAt,
    })
    .from(applicationNotes)
    .where(eq(applicationNotes.authorId, authorId))
    .orderBy(asc(applicationNotes.createdAt), asc(applicationNotes.id));
  return rows.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() }));
}

/**
 * Erasure, after the password. A seeker's profile, resume (all three layers), skills, matches
 * and sessions go; their applications stay for the employers as anonymous records (no name,
 * contact, cover letter or reasoning), so the employers' figures stay right. An employer's jobs
 * close (applications kept), their boards are disconnected, their login is scrubbed.
 */
export async function deleteAccount(
  db: Database,
  files: FileStore,
  passwords: PasswordHasher,
  user: SessionUser,
  password: string,
  now: Date,
) {
  const [row] = await db
    .select({ hash: users.passwordHash, email: users.email })
    .from(users)
    .where(eq(users.id, user.id));
  if (!row || !(await passwords.verify(row.hash, password))) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Your password is not correct.' });
  }
  const erasedFiles = await db.transaction(async (tx) => {
    let fileKeys: string[] = [];
    if (user.userType === 'job_seeker') {
      // The resume snapshots and originals go; so do the employers' notes and words about the person.
      fileKeys = await eraseResumeRecords(tx, [user.id]);
      await tx
        .delete(applicationNotes)
        .where(
          inArray(
            applicationNotes.applicationId,
            tx.select({ id: applications.id }).from(applications).where(eq(applications.jobSeekerId, user.id)),
          ),
        );
      await eraseScorecardNotesAbout(tx, user.id);
      await eraseCandidateInterviews(tx, user.id, now);
      await tx
        .update(applications)
        .set({
          coverLetter: null,
          matchReasoning: null,
          rejectionDetail: null,
          rejectionMessage: null,
          jobSeekerId: null,
          updatedAt: now,
        })
        .where(eq(applications.jobSeekerId, user.id));
      // The decision log keeps its figures (the scores, the models) without the person.
      await tx.update(aiDecisions).set({ jobSeekerId: null }).where(eq(aiDecisions.jobSeekerId, user.id));
      // Cascades: job_seekers, job_seeker_skills, matches, match_reviews, self_identifications, sessions,
      // candidate_invitations.
      await tx.delete(users).where(eq(users.id, user.id));
    } else if (user.userType === 'employer') {
      await leaveCompanyOnErasure(tx, user.id, row.email, now);
      // Invitations to apply belong to the company: they go with a company of one (its id is this user's).
      await tx.delete(candidateInvitations).where(eq(candidateInvitations.employerId, user.id));
      await tx.delete(sessions).where(eq(sessions.userId, user.id));
      await tx
        .update(users)
        .set({ email: `erased-${user.id}@erased.invalid`, passwordHash: '!', updatedAt: now })
        .where(eq(users.id, user.id));
    } else {
      await tx.delete(users).where(eq(users.id, user.id));
    }
    await eraseInvitationsTo(tx, row.email);
    await forgetAccountAttempts(tx, row.email);
    // Messages to the person and their email links (an employer's user row outlives erasure).
    await eraseMail(tx, user.id);
    await eraseNotifications(tx, user.id);
    await eraseAlerts(tx, user.id);
    return fileKeys;
  });
  // Their sessions went with the transaction (deleted, or by cascade with the user).
  forgetCachedUser(user.id);
  await files.delete(erasedFiles);
  return { deleted: true };
}
