/**
 * Comment HTML made safe and plain: only p, br, a, strong, em, blockquote, code, ul, ol, li survive, links
 * only to http(s) with `rel="nofollow ugc noopener"`, no other attribute. The browser's HTML Sanitizer API
 * (`Element.setHTML`) does the parsing where it exists; elsewhere DOMPurify is loaded on demand, as a
 * separate chunk, so readers of modern browsers never download it. A final pass applies the same rules to
 * either result, so both paths give the same DOM. This module is itself a chunk, loaded by `sanitize.ts`.
 */
import type { Engine } from './sanitize.js';

export const ALLOWED_ELEMENTS = ['p', 'br', 'a', 'strong', 'em', 'blockquote', 'code', 'ul', 'ol', 'li'] as const;

/**
 * Formatting wrappers whose text is kept when the wrapper goes (DOMPurify keeps all such text by default); among
 * them every element of kses's comment allow-list, which WordPress and the reference server send.
 */
const UNWRAP = ['b', 'i', 'u', 's', 'strike', 'span', 'div', 'font', 'small', 'sub', 'sup', 'del', 'ins', 'q', 'cite',
  'abbr', 'acronym', 'mark', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'center', 'section', 'article', 'header',
  'footer', 'dl', 'dt', 'dd'];

type SetHtml = (html: string, options: { sanitizer: Record<string, unknown> }) => void;

const allowed = new Set<string>(ALLOWED_ELEMENTS);

function unwrap(el: Element): void {
  el.replaceWith(...el.childNodes);
}

/** Enforces the allow-list on a parsed, already sanitized tree. */
function finish(root: DocumentFragment): DocumentFragment {
  for (const el of [...root.querySelectorAll('*')]) {
    const name = el.localName;
    const href = name === 'a' ? (el.getAttribute('href') ?? '') : '';
    for (const attr of [...el.attributes]) el.removeAttribute(attr.name);
    if (!allowed.has(name) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
      unwrap(el);
    } else if (name === 'a') {
      if (/^https?:\/\//i.test(href.trim()) && URL.canParse(href.trim())) {
        el.setAttribute('href', href.trim());
        el.setAttribute('rel', 'nofollow ugc noopener');
      } else {
        unwrap(el);
      }
    }
  }
  return root;
}

function withSanitizerApi(html: string): DocumentFragment {
  const holder = document.createElement('div');
  (holder as unknown as { setHTML: SetHtml }).setHTML(html, {
    sanitizer: {
      elements: ALLOWED_ELEMENTS.map((name) => (name === 'a' ? { name, attributes: ['href'] } : name)),
      replaceWithChildrenElements: UNWRAP,
      attributes: [],
      comments: false,
    },
  });
  const fragment = document.createDocumentFragment();
  fragment.append(...holder.childNodes);
  return fragment;
}

async function withDompurify(html: string): Promise<DocumentFragment> {
  const { default: purify } = await import('dompurify');
  return purify.sanitize(html, {
    ALLOWED_TAGS: [...ALLOWED_ELEMENTS],
    ALLOWED_ATTR: ['href'],
    ALLOWED_URI_REGEXP: /^https?:\/\//i,
    RETURN_DOM_FRAGMENT: true,
  });
}

/** `html` as an inert fragment holding only the allowed markup, parsed by `engine`. */
export async function clean(html: string, engine: Engine): Promise<DocumentFragment> {
  return finish(engine === 'sanitizer' ? withSanitizerApi(html) : await withDompurify(html));
}
