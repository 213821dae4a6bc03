/**
 * The only URLs an element puts into `href` or `src`: absolute `http:`/`https:`, relative ones resolved
 * against the page. `javascript:`, `data:`, `blob:` and malformed values give `undefined`.
 */
export function safeHttpUrl(raw: string | null | undefined, base: string = document.baseURI): string | undefined {
  const value = raw?.trim();
  if (!value || value.length > 4096) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
