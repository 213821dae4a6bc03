/**
 * The reader's unsent comment, kept in `localStorage` so that no failure, reload or crash loses it.
 * Drafts are keyed by endpoint + post + parent; the remembered identity (name, e-mail, website — only with
 * the reader's consent) by endpoint, like WordPress's `comment_author_*` cookies. Storage can be missing,
 * disabled, full or throwing: every access is guarded and a failure just means nothing is kept.
 */

export interface Identity {
  author_name: string;
  author_email: string;
  author_url: string;
}

const PREFIX = 'nw-comment:';

function storage(): Storage | undefined {
  try {
    return window.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function read(key: string): unknown {
  try {
    const raw = storage()?.getItem(PREFIX + key);
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Full or forbidden: the text is still in the form.
  }
}

function remove(key: string): void {
  try {
    storage()?.removeItem(PREFIX + key);
  } catch {
    // Nothing to clean up then.
  }
}

export function draftKey(endpoint: string, post: number, parent: number): string {
  return `draft:${endpoint}|${post}|${parent}`;
}

function identityKey(endpoint: string): string {
  return `identity:${endpoint}`;
}

export function loadDraft(key: string): string | undefined {
  const value = read(key);
  return typeof value === 'object' && value !== null && typeof (value as { content?: unknown }).content === 'string'
    ? (value as { content: string }).content
    : undefined;
}

/** Keeps `content` under `key`; an empty text removes the draft. */
export function saveDraft(key: string, content: string): void {
  if (content.trim()) write(key, { content, saved: Date.now() });
  else remove(key);
}

export function clearDraft(key: string): void {
  remove(key);
}

export function loadIdentity(endpoint: string): Identity | undefined {
  const value = read(identityKey(endpoint)) as Partial<Identity> | undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  return {
    author_name: String(value.author_name ?? ''),
    author_email: String(value.author_email ?? ''),
    author_url: String(value.author_url ?? ''),
  };
}

/** Stores the identity when the reader consented, and forgets it when they did not. */
export function rememberIdentity(endpoint: string, identity: Identity | undefined): void {
  if (identity) write(identityKey(endpoint), identity);
  else remove(identityKey(endpoint));
}
