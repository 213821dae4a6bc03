/**
 * What a share button shares when the page does not say (SPEC §5): the canonical URL and title of the page,
 * made safe (only `http:`/`https:` leave the page) and tagged with the site's `utm` parameters. Pure functions
 * over a `Document` and strings.
 */
import { safeHttpUrl as safeUrl } from '../../internal/url.js';

/** The page's own URL: `<link rel="canonical">` → `<meta property="og:url">` → the document's address. */
export function pageUrl(doc: Document): string {
  const base = doc.baseURI;
  return (
    safeUrl(doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.getAttribute('href'), base) ??
    safeUrl(doc.querySelector('meta[property="og:url"]')?.getAttribute('content'), base) ??
    doc.location?.href ??
    base
  );
}

/** The page's title: `<meta property="og:title">` → `document.title`. */
export function pageTitle(doc: Document): string {
  return doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim() || doc.title.trim();
}

/**
 * `url` with the `utm` query parameters added (`{network}` replaced by `network`), before any fragment. A parameter
 * the URL already has is replaced; the rest of its query is kept as written.
 */
export function withUtm(url: string, utm: string | null | undefined, network: string): string {
  const params = new URLSearchParams(utm?.trim().replace(/^\?/, '') ?? '');
  if (!params.size) return url;
  for (const [key, value] of [...params]) params.set(key, value.replaceAll('{network}', network));
  const target = new URL(url);
  if ([...params.keys()].some((key) => target.searchParams.has(key))) {
    for (const [key, value] of params) target.searchParams.set(key, value);
    return target.href;
  }
  target.search = target.search ? `${target.search}&${params}` : `?${params}`;
  return target.href;
}
