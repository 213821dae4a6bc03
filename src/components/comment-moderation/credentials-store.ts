/**
 * "Remember in this tab": the credentials in `sessionStorage` (gone when the tab closes), per endpoint, and only
 * when the moderator ticks the box. Storage that is missing or throwing only means nothing is remembered.
 */
import type { Credentials } from './moderation-api.js';

const keyFor = (endpoint: string): string => `nw-moderation:${new URL(endpoint, document.baseURI).href}`;

export function recall(endpoint: string): Credentials | undefined {
  try {
    const stored = JSON.parse(sessionStorage.getItem(keyFor(endpoint)) ?? 'null') as Partial<Credentials> | null;
    return typeof stored?.user === 'string' && typeof stored.password === 'string' ? { user: stored.user, password: stored.password } : undefined;
  } catch {
    return undefined;
  }
}

export function remember(endpoint: string, credentials: Credentials): void {
  try {
    sessionStorage.setItem(keyFor(endpoint), JSON.stringify(credentials));
  } catch {
    // Not remembered: signed in for this page only.
  }
}

export function forget(endpoint: string): void {
  try {
    sessionStorage.removeItem(keyFor(endpoint));
  } catch {
    // Nothing could have been stored.
  }
}
