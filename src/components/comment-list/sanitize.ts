/**
 * What the list sanitizes comments with (see `clean-html.ts`, which does the work). That work is a chunk of its
 * own, loaded when the list fetches its first comments (in parallel with that fetch): a page whose reader never
 * scrolls to the comments never downloads it. Where DOMPurify is needed, it starts loading at the same time.
 */

export type Engine = 'sanitizer' | 'dompurify';

export function hasSanitizerApi(): boolean {
  return typeof (Element.prototype as unknown as { setHTML?: unknown }).setHTML === 'function';
}

/** The engine this browser sanitizes with. */
const engineHere = (): Engine => (hasSanitizerApi() ? 'sanitizer' : 'dompurify');

/** The chunk once asked for: a page of 100 comments awaits one promise, not 100 dynamic imports. */
let cleaner: Promise<typeof import('./clean-html.js')> | undefined;

function load(engine: Engine): Promise<typeof import('./clean-html.js')> {
  if (engine === 'dompurify') {
    import('dompurify').catch(() => {
      // The same import in `clean-html.ts` fails too, and says so.
    });
  }
  cleaner ??= import('./clean-html.js').catch((error: unknown) => {
    // Asked for again next time ("Try again").
    cleaner = undefined;
    throw error;
  });
  return cleaner;
}

/** Starts loading what `sanitize()` needs, so that it comes with the first comments rather than after them. */
export function preloadSanitizer(): void {
  load(engineHere()).catch(() => {
    // `sanitize()` asks again and says so.
  });
}

/** `html` as an inert fragment holding only the allowed markup. */
export async function sanitize(html: string, engine: Engine = engineHere()): Promise<DocumentFragment> {
  const { clean } = await load(engine);
  return clean(html, engine);
}
