/**
 * A real SMTP server in process (smtp-server) whose arrivals are parsed (mailparser), and a
 * local stand-in for Resend's HTTP API speaking its wire format (POST /emails, Bearer key,
 * Idempotency-Key, { id } or { name, message, statusCode }).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './neon-local.ts';

export async function startSmtpServer() {
  const received: ParsedMail[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          for (const wake of waiters.splice(0)) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    /** Resolves when `count` messages have arrived (or rejects after `ms`). */
    async waitFor(count: number, ms = 5000): Promise<ParsedMail[]> {
      const deadline = Date.now() + ms;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} emails, got ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ResendRequest {
  headers: IncomingHttpHeaders;
  body: { from: string; to: string[]; subject: string; text: string; html: string };
}

/** Answers each POST /emails with the next planned status (then 200), recording every request. */
export async function startResendStandIn(apiKey: string) {
  const requests: ResendRequest[] = [];
  const plan: ({ status: number } | { hangMs: number })[] = [];
  let next = 1;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || req.url !== '/emails')
        return reply(404, { statusCode: 404, name: 'not_found', message: 'Not found' });
      if (req.headers.authorization !== `Bearer ${apiKey}`)
        return reply(401, { statusCode: 401, name: 'missing_api_key', message: 'Missing API key' });
      requests.push({ headers: req.headers, body: JSON.parse(raw) as ResendRequest['body'] });
      const step = plan.shift();
      if (step && 'hangMs' in step) return void setTimeout(() => reply(200, { id: `late-${next++}` }), step.hangMs);
      if (step && step.status !== 200)
        return reply(step.status, {
          statusCode: step.status,
          name: step.status >= 500 ? 'internal_server_error' : 'validation_error',
          message: 'planned failure',
        });
      reply(200, { id: `re_${next++}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    plan,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The token of a link `.../page#token=...` in a text. */
export function tokenIn(text: string): string {
  const token = /#token=([a-z0-9]+)/.exec(text)?.[1];
  if (!token) throw new Error('no link with a token in this email');
  return token;
}
