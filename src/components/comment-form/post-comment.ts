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

/** Posts a comment and classifies the answer; resolves, never rejects. */
export async function postComment(endpoint: string, payload: CommentPayload, options: RequestOptions = {}): Promise<SendResult> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (options.nonce) headers['X-WP-Nonce'] = options.nonce;
  try {
    return await withTimeout(TIMEOUT_MS, async (signal) => {
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
      if (status === 413) return { kind: 'rejected', status, error: { code: 'rest_request_too_large' } } as const;
      if (!isObject(body)) return { kind: 'failed', status, reason: status >= 500 ? 'server' : 'not-json' } as const;
      if (response.ok) return { kind: 'sent', comment: body as unknown as WpComment } as const;
      if (status >= 500 || typeof body.code !== 'string') return { kind: 'failed', status, reason: 'server' } as const;
      return { kind: 'rejected', status, error: body as unknown as WpError } as const;
    });
  } catch (error) {
    return { kind: 'failed', status: 0, reason: error instanceof TimeoutError ? 'timeout' : 'network' };
  }
}
