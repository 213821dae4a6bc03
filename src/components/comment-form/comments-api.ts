/**
 * A small WordPress REST client for comments (`/wp-json/wp/v2/comments`), shared by the form and the list.
 * It never throws for a server's answer: every outcome is classified, so the form can keep the reader's
 * text and say what happened.
 */
import type { WpError } from './error-codes.js';

export const TIMEOUT_MS = 15_000;

/** A comment as WordPress's REST API returns it (the fields these elements read). */
export interface WpComment {
  id: number;
  post: number;
  parent: number;
  author_name: string;
  author_url?: string;
  date?: string;
  date_gmt?: string;
  content: { rendered: string };
  status: 'approved' | 'hold' | string;
  link?: string;
}

/** What the form sends; empty optional fields are left out, because WordPress rejects `""` as an e-mail or URL. */
export interface CommentPayload {
  post: number;
  parent: number;
  content: string;
  author_name?: string;
  author_email?: string;
  author_url?: string;
}

export type SendResult =
  | { kind: 'sent'; comment: WpComment }
  | { kind: 'rejected'; status: number; error: WpError }
  | { kind: 'failed'; status: number; reason: 'network' | 'timeout' | 'server' | 'not-json' };

export interface RequestOptions {
  nonce?: string;
  timeoutMs?: number;
}

class TimeoutError extends Error {}

/** Runs `run` with an abort signal that fires after `ms`; rejects with `TimeoutError` then, even if `run` ignores it. */
async function withTimeout<T>(ms: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new TimeoutError());
      controller.abort();
    }, ms);
  });
  try {
    return await Promise.race([run(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

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
    return await withTimeout(options.timeoutMs ?? TIMEOUT_MS, async (signal) => {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify(payload),
        credentials: options.nonce ? 'include' : 'omit',
        signal,
      });
      const body = await readJson(response);
      const { status } = response;
      if (!isObject(body)) return { kind: 'failed', status, reason: status >= 500 ? 'server' : 'not-json' } as const;
      if (response.ok) return { kind: 'sent', comment: body as unknown as WpComment } as const;
      if (status >= 500 || typeof body.code !== 'string') return { kind: 'failed', status, reason: 'server' } as const;
      return { kind: 'rejected', status, error: body as unknown as WpError } as const;
    });
  } catch (error) {
    return { kind: 'failed', status: 0, reason: error instanceof TimeoutError ? 'timeout' : 'network' };
  }
}

export interface CommentPage {
  comments: WpComment[];
  total: number;
  totalPages: number;
}

export interface ListQuery {
  post: number;
  page: number;
  perPage: number;
  order: 'asc' | 'desc';
}

/** One page of approved comments; rejects on any failure (network, time-out, non-2xx, non-JSON). */
export async function fetchComments(endpoint: string, query: ListQuery, options: RequestOptions = {}): Promise<CommentPage> {
  const url = new URL(endpoint, document.baseURI);
  url.searchParams.set('post', String(query.post));
  url.searchParams.set('per_page', String(query.perPage));
  url.searchParams.set('page', String(query.page));
  url.searchParams.set('order', query.order);
  return withTimeout(options.timeoutMs ?? TIMEOUT_MS, async (signal) => {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit', signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const comments = (await response.json()) as WpComment[];
    if (!Array.isArray(comments)) throw new Error('not a list');
    const total = Number(response.headers.get('X-WP-Total') ?? comments.length);
    const totalPages = Number(response.headers.get('X-WP-TotalPages') ?? 1);
    return {
      comments,
      total: Number.isFinite(total) ? total : comments.length,
      totalPages: Number.isFinite(totalPages) ? totalPages : 1,
    };
  });
}
