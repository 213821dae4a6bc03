/**
 * A category's, tag's or author's archive (`/category/<slug>/`, `/tag/<slug>/`, `/author/<slug>/`): where the
 * REST API's `link`s of terms and users lead, as on a WordPress site. A plain list of the posts, newest first.
 */
import { directionOf } from '../../src/i18n/locale.js';
import { html } from '../html.js';
import type { Post } from '../store/posts.js';
import { postLink } from '../wp/shape.js';
import { stringsIn } from './localize.js';
import { simplePage } from './simple-page.js';

/** `<nw-comment-count>`'s endpoint: the site's own, as the article page's comment elements have it. */
const COMMENTS_ENDPOINT = '/wp-json/wp/v2/comments';

export type ArchiveKind = 'category' | 'tag' | 'author';

const STRINGS = {
  ar: {
    heading: { category: (name: string) => `التصنيف: ${name}`, tag: (name: string) => `الوسم: ${name}`, author: (name: string) => `مقالات ${name}` },
    empty: 'لا مقالات هنا بعد.',
    older: 'مقالات أقدم',
    newer: 'مقالات أحدث',
    comments: 'التعليقات',
  },
  en: {
    heading: { category: (name: string) => `Category: ${name}`, tag: (name: string) => `Tag: ${name}`, author: (name: string) => `Posts by ${name}` },
    empty: 'No posts here yet.',
    older: 'Older posts',
    newer: 'Newer posts',
    comments: 'Comments',
  },
};

export interface ArchivePageData {
  kind: ArchiveKind;
  /** The term's or author's name. */
  name: string;
  /** The archive's own path (`/category/politics/`), which later pages extend with `page/<n>/`. */
  path: string;
  posts: readonly Post[];
  page: number;
  hasOlder: boolean;
  /** The page's language: its newest post's (the name is usually in it), else the site's. */
  lang: string;
}

const dateIn = (lang: string, gmt: string) =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${gmt}Z`));

export function renderArchivePage({ kind, name, path, posts, page, hasOlder, lang }: ArchivePageData): string {
  const text = stringsIn(lang, STRINGS);
  const heading = text.heading[kind](name);
  const pageLink = (target: number) => (target === 1 ? path : `${path}page/${target}/`);
  // Each post's comment count, after its date; without JavaScript, a plain link to its comments.
  const items = posts.map(
    (post) => html`<article lang="${post.lang}" dir="${directionOf(post.lang)}">
        <h2><a href="${postLink('', post.slug)}">${post.title}</a></h2>
        <p><time datetime="${post.dateGmt}Z">${dateIn(post.lang, post.dateGmt)}</time> ·
          <nw-comment-count endpoint="${COMMENTS_ENDPOINT}" post-id="${post.id}" href="${postLink('', post.slug)}"
            ><a href="${postLink('', post.slug)}#comments">${stringsIn(post.lang, STRINGS).comments}</a></nw-comment-count
          ></p>
        <p>${post.excerpt}</p>
      </article>`,
  );
  return simplePage({
    lang,
    title: heading,
    script: '/dist/comment-count.js',
    body: html`<h1><bdi>${heading}</bdi></h1>
      ${posts.length > 0 ? items : html`<p>${text.empty}</p>`}
      <nav>
        ${page > 1 ? html`<a href="${pageLink(page - 1)}" rel="prev">${text.newer}</a>` : ''}
        ${hasOlder ? html`<a href="${pageLink(page + 1)}" rel="next">${text.older}</a>` : ''}
      </nav>`,
  });
}
