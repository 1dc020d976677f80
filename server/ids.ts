import { z } from 'zod';

/** Postgres `integer`, the type of every id: a larger number would answer 500 from the database. */
export const MAX_RECORD_ID = 2_147_483_647;

/** Any row id in an input: bounded here, so the database never sees one out of range. */
export const recordId = z
  .number()
  .int('An id is a whole number.')
  .positive('An id is a positive number.')
  .max(MAX_RECORD_ID, 'No record has this id.');
