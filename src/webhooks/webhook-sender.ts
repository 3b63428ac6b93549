import type { lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { guardedLookup, type UrlPolicy, webhookUrlProblem } from './webhook-url.js';

/** How long one attempt may take, connection to last byte. */
export const DELIVERY_TIMEOUT_MS = 10_000;
export const USER_AGENT = 'Rampart-Webhooks/1';
/** What of an endpoint's error response is kept in the delivery log. */
const RESPONSE_EXCERPT_BYTES = 200;
const ERROR_LENGTH = 300;

export interface SendRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/** One attempt's outcome: the endpoint's status (null when it never answered) and, unless 2xx, why it failed. */
export interface SendOutcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * POSTs a webhook once. Redirects are not followed (a 3xx is a failure, as the URL should be the
 * final one); every address the name resolves to is checked when connecting, unless private
 * networks are allowed. Never throws: failures are outcomes.
 */
export async function sendWebhook(
  request: SendRequest,
  policy: UrlPolicy,
  options: { timeoutMs?: number; resolve?: typeof dnsLookup } = {},
): Promise<SendOutcome> {
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const problem = webhookUrlProblem(request.url, policy);
  if (problem) return { statusCode: null, error: `Not sent: ${problem}`, durationMs: 0 };
  const url = new URL(request.url);
  const transport = url.protocol === 'https:' ? https : http;
  const body = Buffer.from(request.body, 'utf8');
  return new Promise<SendOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<SendOutcome, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, error: outcome.error === null ? null : truncate(outcome.error), durationMs: elapsed() });
    };
    const outgoing = transport.request(url, {
      method: 'POST',
      headers: { ...request.headers, 'Content-Length': String(body.length) },
      lookup: guardedLookup(policy, options.resolve),
      agent: false,
    });
    const timer = setTimeout(() => outgoing.destroy(new Error(`No response within ${timeoutMs / 1000} s`)), timeoutMs);
    outgoing.on('error', (error: NodeJS.ErrnoException) => finish({ statusCode: null, error: describeNetworkError(error, url) }));
    outgoing.on('response', (response) => {
      const statusCode = response.statusCode ?? 0;
      if (statusCode >= 200 && statusCode < 300) {
        // The answer is the status: the body is not read, and a receiver that keeps streaming one
        // must not hold the connection open.
        finish({ statusCode, error: null });
        response.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      let length = 0;
      const report = () => {
        const excerpt = Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8').replace(/\s+/g, ' ').trim();
        const location = statusCode >= 300 && statusCode < 400 && response.headers.location ? ` (redirect to ${response.headers.location}; Rampart does not follow redirects)` : '';
        finish({ statusCode, error: `HTTP ${statusCode}${location}${excerpt ? `: ${excerpt}` : ''}` });
      };
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        length += chunk.length;
        if (length >= RESPONSE_EXCERPT_BYTES) {
          report();
          response.destroy();
        }
      });
      response.on('end', report);
      response.on('error', report);
    });
    outgoing.end(body);
  });
}

function describeNetworkError(error: NodeJS.ErrnoException, url: URL): string {
  switch (error.code) {
    case 'ERR_RAMPART_BLOCKED_ADDRESS':
      return `Not sent: ${error.message}`;
    case 'ENOTFOUND':
      return `DNS: ${url.hostname} not found`;
    case 'ECONNREFUSED':
      return `Connection refused by ${url.host}`;
    case 'ECONNRESET':
      return `Connection reset by ${url.host}`;
    default:
      return error.message || String(error);
  }
}

function truncate(text: string): string {
  return text.length <= ERROR_LENGTH ? text : `${text.slice(0, ERROR_LENGTH - 1)}…`;
}
