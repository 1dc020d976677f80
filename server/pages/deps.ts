import type { Context } from 'hono';
import type { Database } from '../../db/database.ts';

/** What the pages need of the app's dependencies (server/app.ts AppDeps has them). */
export interface PageDeps {
  config: { publicUrl: string };
  clock: () => Date;
  openDatabase(c: Context): Promise<{ db: Database; release(): Promise<void> }>;
  runAfterResponse(c: Context, task: () => Promise<unknown>): void;
}

/** As the public procedures' answers (server/app.ts PUBLIC_CACHE_CONTROL): a minute at the edge, revalidated by browsers. */
export const PAGE_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300';
