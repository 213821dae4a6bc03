/**
 * Posting a comment to WordPress's REST API. It never throws for a server's answer: every outcome is
 * classified, so the form can keep the reader's text and say what happened.
 */
import { TimeoutError, withTimeout } from '../../internal/timeout.js';
import { type CommentPayload, type RequestOptions, TIMEOUT_MS, type WpComment } from './comments-api.js';
import type { WpError } from './error-codes.js';

export type SendResult =
  | { kind: 'sent'; comment: WpComment }
  | { kind: 'rejected'; status: number; error: WpError }
  | { kind: 'failed'; status: number; reason: 'network' | 'timeout' | 'server' | 'not-json' };

export interface PostOptions extends RequestOptions {
  /**
   * Told when the site is busy and the comment will be sent again by itself: with the wait in seconds when it
   * begins, and with 0 when it is over and the comment goes out again.
   */
  onRetry?: (seconds: number) => void;
  /** Cancels a wait before sending again (the result is then the busy answer's); a request already sent is let finish. */
  signal?: AbortSignal;
}

/** Sends in all, the first included, while the site answers "busy, try again in a moment". */
export const MAX_SENDS = 3;
/** The longest wait, in seconds, worth holding the reader for; a longer one is left to the "Try again" button. */
export const MAX_WAIT_S = 10;

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An HTTP date as servers send it (IMF-fixdate): matched before `Date.parse`, which reads "-1" or "1e9" as years. */
const HTTP_DATE = /^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/;

/**
 * The wait, in whole seconds and at least 1, that a 503 asks for: its `Retry-After` (delta-seconds or an HTTP
 * date; `fetch` has trimmed it), else the body's `data.retryAfter` (WordPress-style errors); undefined when
 * neither says.
 */
export function retryWait(retryAfter: string | null, body: unknown, now = Date.now()): number | undefined {
  const header = retryAfter ?? '';
  const data = isObject(body) && isObject(body.data) ? body.data : {};
  let seconds = NaN;
  if (/^\d+$/.test(header)) seconds = Number(header);
  else if (HTTP_DATE.test(header)) seconds = (Date.parse(header) - now) / 1000;
  else if (typeof data.retryAfter === 'number' && data.retryAfter >= 0) seconds = data.retryAfter;
  return Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : undefined;
}

/** Resolves true after `ms`, or false when `signal` aborts first. */
function pause(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms, true);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

/** One request and its classified answer, with the wait before sending again when the site asked for one. */
async function send(endpoint: string, payload: CommentPayload, options: PostOptions): Promise<[SendResult, number?]> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (options.nonce) headers['X-WP-Nonce'] = options.nonce;
  try {
    return await withTimeout<[SendResult, number?]>(TIMEOUT_MS, async (signal) => {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify(payload),
        credentials: options.nonce ? 'include' : 'omit',
        signal,
      });
      const body = await readJson(response);
      const { status } = response;
      // The body was too large for the server or a proxy before it (whose 413 is often an HTML page): only the
      // comment can make it so, and the reader must hear that it is too long, not that the site refused it.
      if (status === 413) return [{ kind: 'rejected', status, error: { code: 'rest_request_too_large' } }];
      // Busy (a locked database, a proxy's queue), and it says for how long: worth waiting for, even as HTML.
      const wait = status === 503 ? retryWait(response.headers.get('Retry-After'), body) : undefined;
      if (!isObject(body)) return [{ kind: 'failed', status, reason: status >= 500 ? 'server' : 'not-json' }, wait];
      if (response.ok) return [{ kind: 'sent', comment: body as unknown as WpComment }];
      if (status >= 500 || typeof body.code !== 'string') return [{ kind: 'failed', status, reason: 'server' }, wait];
      return [{ kind: 'rejected', status, error: body as unknown as WpError }];
    });
  } catch (error) {
    return [{ kind: 'failed', status: 0, reason: error instanceof TimeoutError ? 'timeout' : 'network' }];
  }
}

/**
 * Posts a comment and classifies the answer; resolves, never rejects. A 503 that says how long to wait (at most
 * `MAX_WAIT_S`) is waited out and the comment sent again, up to `MAX_SENDS` sends; nothing else is retried:
 * another failure may have reached WordPress, and only the reader can say whether to risk a duplicate.
 */
export async function postComment(endpoint: string, payload: CommentPayload, options: PostOptions = {}): Promise<SendResult> {
  for (let sends = 1; ; sends++) {
    const [result, wait] = await send(endpoint, payload, options);
    if (wait === undefined || wait > MAX_WAIT_S || sends === MAX_SENDS) return result;
    options.onRetry?.(wait);
    if (options.signal?.aborted || !(await pause(wait * 1000, options.signal))) return result;
    options.onRetry?.(0);
  }
}
