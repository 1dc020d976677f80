/**
 * A local stand-in for the OpenAI API, speaking its wire format (requests, responses, error
 * bodies, rate-limit headers), so the real openai SDK is tested against it via baseURL.
 * Embeddings come from the local embedder, so their geometry still means something.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { embedWithCatalog } from '../../server/matching/local-embedding.ts';
import { parseResumeLocally } from '../../server/ai/local-resume-parser.ts';
import { SKILLS_CATALOG } from '../../server/seed/skills-catalog.ts';
import { buildLexicon, findSkillMentions } from '../../server/skills/lexicon.ts';

export const STANDIN_API_KEY = 'sk-test-standin';

export interface Fault {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Answer with this raw text instead of JSON. */
  raw?: string;
  /** Hold the answer this long (a hung upstream). */
  delayMs?: number;
}

export interface RecordedRequest {
  path: string;
  body: Record<string, unknown>;
  headers: IncomingMessage['headers'];
}

const lexicon = buildLexicon(SKILLS_CATALOG);

/** What a well-behaved model answers for a resume: the local parser's reading in the strict schema. */
export function modelReadingOf(resumeText: string) {
  const r = parseResumeLocally(resumeText, lexicon);
  return {
    basics: {
      name: r.basics.name ?? null,
      label: r.basics.label ?? null,
      email: r.basics.email ?? null,
      phone: r.basics.phone ?? null,
      summary: r.basics.summary ?? null,
      city: r.basics.location?.city ?? null,
      region: r.basics.location?.region ?? null,
    },
    work: r.work.map((w) => ({
      company: w.name ?? null,
      position: w.position ?? null,
      location: w.location ?? null,
      startDate: w.startDate ?? null,
      endDate: w.endDate ?? null,
      highlights: w.highlights,
    })),
    education: r.education.map((e) => ({
      institution: e.institution ?? null,
      area: e.area ?? null,
      studyType: e.studyType ?? null,
      endDate: e.endDate ?? null,
    })),
    certificates: r.certificates.map((c) => c.name),
    skills: findSkillMentions(lexicon, resumeText).map((m) => ({ name: m.name, evidence: m.evidence })),
  };
}

export async function startOpenAiStandIn() {
  const faults = new Map<string, Fault[]>();
  const requests: RecordedRequest[] = [];
  let chatAnswer: (resumeText: string) => unknown = modelReadingOf;

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = (req.url ?? '').replace(/\?.*$/, '');
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      // recorded as empty
    }
    requests.push({ path, body, headers: req.headers });

    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        'content-type': 'application/json',
        'x-request-id': `req_${requests.length}`,
        ...headers,
      });
      res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
    };

    const fault = faults.get(path)?.shift();
    if (fault) {
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (res.destroyed) return;
      if (fault.raw !== undefined) {
        res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
        res.end(fault.raw);
        return;
      }
      return send(
        fault.status,
        fault.body ?? {
          error: {
            message: 'The server had an error processing your request.',
            type: 'server_error',
            param: null,
            code: null,
          },
        },
        fault.headers,
      );
    }

    if (req.headers.authorization !== `Bearer ${STANDIN_API_KEY}`) {
      return send(401, {
        error: {
          message: 'Incorrect API key provided.',
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      });
    }

    if (path === '/v1/embeddings') {
      const input = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
      return send(200, {
        object: 'list',
        data: input.map((text, index) => ({ object: 'embedding', index, embedding: embedWithCatalog(text, lexicon) })),
        model: body.model,
        usage: {
          prompt_tokens: input.join(' ').split(/\s+/).length,
          total_tokens: input.join(' ').split(/\s+/).length,
        },
      });
    }
    if (path === '/v1/chat/completions') {
      const messages = body.messages as { role: string; content: string }[];
      const user = messages.find((m) => m.role === 'user')?.content ?? '';
      const resumeText = user.replace(/^<resume>\n?/, '').replace(/\n?<\/resume>$/, '');
      return send(200, {
        id: `chatcmpl-${requests.length}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: JSON.stringify(chatAnswer(resumeText)), refusal: null },
            finish_reason: 'stop',
            logprobs: null,
          },
        ],
        usage: { prompt_tokens: 100, completion_tokens: 100, total_tokens: 200 },
      });
    }
    return send(404, {
      error: { message: `Unknown path ${path}`, type: 'invalid_request_error', param: null, code: null },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    /** The next calls to `path` fail as given, in order; later calls succeed again. */
    fail(path: '/v1/embeddings' | '/v1/chat/completions', ...next: Fault[]) {
      faults.set(path, [...(faults.get(path) ?? []), ...next]);
    },
    answerChatWith(answer: (resumeText: string) => unknown) {
      chatAnswer = answer;
    },
    reset() {
      faults.clear();
      requests.length = 0;
      chatAnswer = modelReadingOf;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const rateLimited = (retryAfterMs = 20): Fault => ({
  status: 429,
  headers: { 'retry-after-ms': String(retryAfterMs), 'x-ratelimit-remaining-requests': '0' },
  body: {
    error: {
      message: 'Rate limit reached for requests per min.',
      type: 'requests',
      param: null,
      code: 'rate_limit_exceeded',
    },
  },
});
export const invalidKey: Fault = {
  status: 401,
  body: {
    error: {
      message: 'Incorrect API key provided.',
      type: 'invalid_request_error',
      param: null,
      code: 'invalid_api_key',
    },
  },
};
