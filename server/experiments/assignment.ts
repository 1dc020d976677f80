/**
 * A/B tests of matching algorithms. A seeker's arm is a pure function of their id and the
 * experiment's name (SHA-256, first 32 bits as a fraction of 1), so every server and every run
 * puts them in the same arm, and shares hold over many seekers.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { TRPCError } from '@trpc/server';
import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { experiments } from '../../db/schema.ts';
import { isUniqueViolation } from '../db-errors.ts';
import {
  ALGORITHMS,
  DEFAULT_ALGORITHM,
  type AlgorithmAssignment,
  type AlgorithmChooser,
} from '../matching/algorithms.ts';

export interface Arm {
  algorithm: string;
  share: number;
}

export interface RunningExperiment {
  name: string;
  arms: Arm[];
}

/** A number in [0, 1) from the seeker's id and the experiment's name. */
export function assignmentPoint(seekerId: number, experimentName: string): number {
  const digest = sha256(new TextEncoder().encode(`${experimentName}:${seekerId}`));
  return new DataView(digest.buffer, digest.byteOffset, 4).getUint32(0) / 2 ** 32;
}

export function armFor(seekerId: number, experiment: RunningExperiment): Arm {
  const point = assignmentPoint(seekerId, experiment.name);
  let upTo = 0;
  for (const arm of experiment.arms) {
    upTo += arm.share;
    if (point < upTo) return arm;
  }
  return experiment.arms.at(-1)!; // shares sum to 1; rounding can leave a sliver at the end
}

/** The algorithm a seeker's matches are scored with now, and the experiment that chose it; `defaultAlgorithm` (MATCHING_ALGORITHM) outside experiments. */
export function algorithmFor(
  seekerId: number,
  experiment: RunningExperiment | null,
  defaultAlgorithm = DEFAULT_ALGORITHM,
): AlgorithmAssignment {
  if (!experiment) return { algorithm: defaultAlgorithm, experimentName: null };
  return { algorithm: armFor(seekerId, experiment).algorithm, experimentName: experiment.name };
}

/** What matching is given to choose its algorithm: the running experiment's arms, else the configured default. */
export function experimentChooser(defaultAlgorithm = DEFAULT_ALGORITHM): AlgorithmChooser {
  return async (db) => {
    const experiment = await runningExperiment(db);
    return (seekerId) => algorithmFor(seekerId, experiment, defaultAlgorithm);
  };
}

export async function runningExperiment(db: Queryable): Promise<RunningExperiment | null> {
  const [row] = await db
    .select({ name: experiments.name, arms: experiments.arms })
    .from(experiments)
    .where(eq(experiments.status, 'running'))
    .limit(1);
  return row ?? null;
}

function validateArms(arms: Arm[]): void {
  const problem = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });
  for (const arm of arms)
    if (!ALGORITHMS[arm.algorithm])
      throw problem(`There is no algorithm called "${arm.algorithm}". Known: ${Object.keys(ALGORITHMS).join(', ')}.`);
  if (new Set(arms.map((a) => a.algorithm)).size !== arms.length)
    throw problem('Each arm needs a different algorithm.');
  const total = arms.reduce((sum, a) => sum + a.share, 0);
  if (Math.abs(total - 1) > 1e-6)
    throw problem(`The shares must add up to 1 (they add up to ${Math.round(total * 1000) / 1000}).`);
}

export async function startExperiment(db: Queryable, adminId: number, input: { name: string; arms: Arm[] }, now: Date) {
  validateArms(input.arms);
  try {
    const [row] = await db
      .insert(experiments)
      .values({ name: input.name, arms: input.arms, status: 'running', startedAt: now, createdBy: adminId })
      .returning();
    return row!;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const running = await runningExperiment(db);
    throw new TRPCError({
      code: 'CONFLICT',
      message: running
        ? `The experiment "${running.name}" is running: stop it before starting another.`
        : 'An experiment with this name exists already: choose another name.',
    });
  }
}

export async function stopExperiment(db: Queryable, id: number, now: Date) {
  const [row] = await db
    .update(experiments)
    .set({ status: 'stopped', stoppedAt: now })
    .where(and(eq(experiments.id, id), eq(experiments.status, 'running')))
    .returning();
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'No running experiment has this id.' });
  return row;
}

export async function listExperiments(db: Queryable) {
  return db.select().from(experiments).orderBy(desc(experiments.startedAt), desc(experiments.id));
}

export async function findExperiment(db: Queryable, id: number) {
  const [experiment] = await db.select().from(experiments).where(eq(experiments.id, id));
  return experiment ?? null;
}
