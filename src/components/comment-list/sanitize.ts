/**
 * What the list sanitizes comments with (see `clean-html.ts`, which does the work). That work is a chunk of its
 * own, loaded with the first comment to show: a page whose reader never scrolls to the comments never downloads
 * it. Where DOMPurify is needed, it starts loading at the same time, not after.
 */

export type Engine = 'sanitizer' | 'dompurify';

export function hasSanitizerApi(): boolean {
  return typeof (Element.prototype as unknown as { setHTML?: unknown }).setHTML === 'function';
}

/** `html` as an inert fragment holding only the allowed markup. */
export async function sanitize(html: string, engine: Engine = hasSanitizerApi() ? 'sanitizer' : 'dompurify'): Promise<DocumentFragment> {
  if (engine === 'dompurify') {
    import('dompurify').catch(() => {
      // The same import in `clean-html.ts` fails too, and says so.
    });
  }
  const { clean } = await import('./clean-html.js');
  return clean(html, engine);
}
