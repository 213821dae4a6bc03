/**
 * An author's archive, `/author/<slug>/`: where a user's `link` in the REST API leads (WordPress's author
 * archive), with the author's newest posts. The chrome is the site's (Arabic); each title keeps its post's language.
 */
import { formatLongDate } from '../../src/i18n/format.js';
import { directionOf } from '../../src/i18n/locale.js';
import { html } from '../html.js';
import type { Author } from '../store/posts.js';
import type { AuthoredPost } from '../store/users.js';
import { postLink } from '../wp/shape.js';
import { simplePage } from './simple-page.js';

const SITE_LANG = 'ar';

export function renderAuthorPage(author: Author, posts: readonly AuthoredPost[]): string {
  return simplePage({
    lang: SITE_LANG,
    title: `مقالات ${author.name}`,
    body: html`<h1>مقالات <bdi>${author.name}</bdi></h1>
      ${author.description ? html`<p dir="auto">${author.description}</p>` : ''}
      <ul class="author-posts">
        ${posts.map(
          (post) => html`<li><a href="${postLink('', post.slug)}" lang="${post.lang}" dir="${directionOf(post.lang)}">${post.title}</a><br>
          <time datetime="${post.dateGmt}Z">${formatLongDate(new Date(`${post.dateGmt}Z`), SITE_LANG)}</time></li>`,
        )}
      </ul>`,
  });
}
