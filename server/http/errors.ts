/** The answers of last resort: no route, or an error no route handled. Never a stack trace. */
import type { Context as HonoContext, ErrorHandler, NotFoundHandler } from 'hono';
import { errorSummary, type Logger } from '../logger.ts';
import { withoutSecrets } from './headers.ts';

export const notFound: NotFoundHandler = (c: HonoContext) => c.json({ error: { message: 'Not found.' } }, 404);

export function unhandledError(logger: Logger): ErrorHandler {
  return (error, c) => {
    logger.error('unhandled error', { path: withoutSecrets(c.req.path), error: errorSummary(error) });
    return c.json({ error: { message: 'Something went wrong on our side. Please try again in a moment.' } }, 500);
  };
}
