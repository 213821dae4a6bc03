/**
 * The demo's article page (SPEC §9): `demo/index.html` filled from a stored post. The page chrome is the
 * Arabic site's; the article itself carries its own language and direction, so an English post sits in an
 * LTR `<article lang="en">`. The widgets get attributes filled here and light-DOM fallbacks for readers
 * (and crawlers) before, or without, JavaScript.
 */
import { actionName, DEFAULT_NETWORKS, NETWORKS, targetUrl, type NetworkName } from '../../src/components/share-button/networks.js';
import { directionOf } from '../../src/i18n/locale.js';
import { formatLongDate } from '../../src/i18n/format.js';
import { readingTimeText } from '../../src/i18n/messages.js';
import { readingMinutes } from '../../src/i18n/reading-time.js';
import { commentHtml } from '../comments/comment-html.js';
import { escapeText, html, trustedHtml, type SafeHtml } from '../html.js';
import type { Comment, CommentPreview } from '../store/comments.js';
import type { Post } from '../store/posts.js';
import { mediaUrl, postLink } from '../wp/shape.js';
import { stringsIn } from './localize.js';
import { fillTemplate } from './template.js';

const COMMENTS_ENDPOINT = '/wp-json/wp/v2/comments';

interface Strings {
  by: string;
  comments: string;
  commentsFallback: string;
  leaveComment: string;
  note: string;
  name: string;
  email: string;
  website: string;
  comment: string;
  submit: string;
  share: string;
  readMore: string;
  moreComments: (shown: number, total: number) => string;
}

const STRINGS: Readonly<Record<'ar' | 'en', Strings>> = {
  ar: {
    by: 'كتب',
    comments: 'التعليقات',
    commentsFallback: 'لا تعليقات بعد.',
    leaveComment: 'اترك تعليقاً',
    note: 'لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *',
    name: 'الاسم',
    email: 'البريد الإلكتروني',
    website: 'الموقع الإلكتروني',
    comment: 'التعليق',
    submit: 'إرسال التعليق',
    share: 'شارك المقال',
    readMore: 'اقرأ التعليق كاملاً',
    moreComments: (shown, total) => `هنا أقدم التعليقات فقط (${shown} من ${total})، وتظهر البقية مع تفعيل جافاسكربت.`,
  },
  en: {
    by: 'By',
    comments: 'Comments',
    commentsFallback: 'No comments yet.',
    leaveComment: 'Leave a comment',
    note: 'Your email address will not be published. Required fields are marked *',
    name: 'Name',
    email: 'Email',
    website: 'Website',
    comment: 'Comment',
    submit: 'Post Comment',
    share: 'Share this article',
    readMore: 'Read the whole comment',
    moreComments: (shown, total) => `Only the oldest comments are here (${shown} of ${total}); with JavaScript on, the page shows the rest.`,
  },
};

const stringsFor = (lang: string): Strings => stringsIn(lang, STRINGS);

/** A zone-less UTC time as the ISO 8601 instant `<time datetime>` and the card's `published` expect. */
const isoInstant = (gmt: string) => `${gmt}Z`;

/** Share targets the page links to without JavaScript: the widget's default networks (e-mail and copy are its buttons). */
const FALLBACK_NETWORKS = DEFAULT_NETWORKS.filter((name): name is Exclude<NetworkName, 'copy' | 'email'> => name !== 'copy' && name !== 'email');

export interface ArticlePageData {
  post: Post;
  /**
   * The "read also" row: the latest other posts of `section` (the post's own), or of any section without it, listed
   * under the article by `<nw-article-list>` from the same query, links to them its fallback.
   */
  related: { posts: readonly Post[]; section?: number };
  /** Origin for absolute URLs (canonical link, og:image). */
  site: string;
  /** The comment section, from `renderComments`. */
  comments: SafeHtml;
}

/** The path of a comment's own page, where a comment cut short on the article page is shown in full. */
export const commentPath = (slug: string, id: number) => `${postLink('', slug)}/comments/${id}`;

/**
 * Characters of escaped HTML a comment's preview may take. The stored preview is 300 characters of text; text
 * of `<`, `>` and `&`, which escaping makes four or five times longer, shows fewer, so no comment adds more
 * than about a kilobyte to the page.
 */
const PREVIEW_HTML_CHARS = 450;

/** The start of `text` whose escaped form fits `max` characters, or `undefined` when all of it does. */
export function fitEscaped(text: string, max = PREVIEW_HTML_CHARS): string | undefined {
  let size = 0;
  let end = 0;
  for (const char of text) {
    size += escapeText(char).length;
    if (size > max) return text.slice(0, end);
    end += char.length;
  }
  return undefined;
}

/** The start of a text that goes on: ended at a word where one is near the end, then "…". */
export function cutShort(start: string): string {
  const space = start.search(/\s\S*$/);
  return `${(space > start.length * 0.8 ? start.slice(0, space) : start).trimEnd()}…`;
}

function figure(post: Post, site: string): SafeHtml {
  if (!post.media) return html``;
  const { file, altText, width, height } = post.media;
  return html`<figure class="article-figure">
        <img src="${mediaUrl(site, file)}" alt="${altText}" width="${width}" height="${height}">
      </figure>`;
}

/**
 * Plain share links: what the reader gets before `<nw-share-button>` upgrades, or without JavaScript. Names,
 * accessible names and target URLs come from the widget's own table, in the page's catalog (`inLanguage`).
 */
function share(post: Post, site: string, text: Strings): SafeHtml {
  const data = { url: postLink(site, post.slug), title: post.title };
  return html`<nw-share-button mode="inline">
        <p class="share-fallback">${text.share}:
          ${FALLBACK_NETWORKS.map(
            (name) =>
              html` <a href="${targetUrl(name, data)}" target="_blank" rel="noopener noreferrer" aria-label="${actionName(name)}">${NETWORKS[name].label()}</a>`,
          )}
        </p>
      </nw-share-button>`;
}

/** A comment's author and time, as the fallback list and the comment's own page show them. */
export function commentMeta(item: Comment, lang: string): SafeHtml {
  return html`<p class="comment-meta"><bdi>${item.authorName}</bdi>
                <time datetime="${isoInstant(item.dateGmt)}">${formatLongDate(new Date(isoInstant(item.dateGmt)), lang)}</time></p>`;
}

/** A server-rendered comment, as the REST API renders it (`commentHtml`: kses's comment allow-list, then paragraphs). */
function comment(item: CommentPreview, lang: string, text: Strings): SafeHtml {
  const fitted = fitEscaped(item.content);
  const truncated = item.truncated || fitted !== undefined;
  return html`<li id="comment-${item.id}"><article>
              ${commentMeta(item, lang)}
              <div dir="auto">${trustedHtml(commentHtml(truncated ? cutShort(fitted ?? item.content) : item.content))}</div>
              ${truncated ? html`<p><a href="${commentPath(item.postSlug, item.id)}">${text.readMore}</a></p>` : ''}
            </article></li>`;
}

/**
 * The comment section: the list with its first comments as fallback, and a plain WordPress-style form for
 * `<nw-comment-form>`. `items` are the first approved comments, oldest first, long ones cut to their stored
 * preview, so what readers store cannot inflate the page (a comment may be 65,525 characters, and each `<`,
 * `>` or `&` grows four- or fivefold when escaped); those link to their own page. `total` counts them all.
 */
export function renderComments(post: Post, items: readonly CommentPreview[], total: number): SafeHtml {
  const text = stringsFor(post.lang);
  return html`<h2 id="comments-heading">${text.comments}</h2>
        <nw-comment-list endpoint="${COMMENTS_ENDPOINT}" post-id="${post.id}">
          ${items.length > 0
            ? html`<ol class="comment-fallback">${items.map((item) => comment(item, post.lang, text))}</ol>
          ${total > items.length ? html`<p>${text.moreComments(items.length, total)}</p>` : ''}`
            : html`<p>${text.commentsFallback}</p>`}
        </nw-comment-list>
        <nw-comment-form endpoint="${COMMENTS_ENDPOINT}" post-id="${post.id}">
          <form class="comment-form-fallback" action="/wp-comments-post.php" method="post">
            <h3>${text.leaveComment}</h3>
            <p>${text.note}</p>
            <p><label for="comment">${text.comment} *</label>
              <textarea id="comment" name="comment" rows="6" maxlength="65525" required dir="auto"></textarea></p>
            <p><label for="author">${text.name} *</label>
              <input id="author" name="author" type="text" maxlength="245" autocomplete="name" required></p>
            <p><label for="email">${text.email} *</label>
              <input id="email" name="email" type="email" maxlength="100" autocomplete="email" dir="ltr" required></p>
            <p><label for="url">${text.website}</label>
              <input id="url" name="url" type="url" maxlength="200" autocomplete="url" dir="ltr"></p>
            <input type="hidden" name="comment_post_ID" value="${post.id}">
            <input type="hidden" name="comment_parent" value="0">
            <p><button type="submit">${text.submit}</button></p>
          </form>
        </nw-comment-form>`;
}

/** A card for a post, every attribute filled so it renders without fetching; its link is the fallback. */
export function card(post: Post, site: string): SafeHtml {
  const href = postLink(site, post.slug);
  const image = post.media;
  return html`<nw-article-card lang="${post.lang}" dir="${directionOf(post.lang)}"
          href="${href}"
          headline="${post.title}"
          excerpt="${post.excerpt}"
          section="${post.category?.name}"
          ${image ? html`image="${mediaUrl(site, image.file)}" image-alt="${image.altText}" image-width="${image.width}" image-height="${image.height}"` : ''}
          author="${post.author.name}"
          published="${isoInstant(post.dateGmt)}"
          words="${post.words}">
          <a href="${href}">${post.title}</a>
        </nw-article-card>`;
}

/**
 * The "read also" row (site chrome, so its heading is the Arabic site's): `<nw-article-list>` of `related`'s posts
 * from the REST API by the same query (the section's, else any section's), so it reserves as many cards as it gets;
 * and inside it, for readers without JavaScript and until it loads, links to them, each in its own language.
 */
function relatedList(post: Post, { posts, section }: ArticlePageData['related'], site: string): SafeHtml {
  if (posts.length === 0) return html``;
  const src = `/wp-json/wp/v2/posts?${section === undefined ? '' : `categories=${section}&`}exclude=${post.id}&per_page=${posts.length}&_embed`;
  return html`<section class="related" aria-labelledby="related-heading">
      <h2 id="related-heading">اقرأ أيضاً</h2>
      <nw-article-list src="${src}" limit="${posts.length}">
        <ul class="related-fallback">
          ${posts.map((item) => html`<li lang="${item.lang}" dir="${directionOf(item.lang)}"><a href="${postLink(site, item.slug)}">${item.title}</a></li>`)}
        </ul>
      </nw-article-list>
    </section>`;
}

/**
 * Author · date · reading time. Each part is isolated (the date by site.css), so a name in the other script
 * never reorders the separators around it. The separators are text, kept on the line of the part before them
 * by a no-break space, so a wrapped byline never starts a line with one, and it reads right without CSS.
 */
function byline(post: Post, text: Strings): SafeHtml {
  const minutes = readingMinutes(post.words, post.lang) ?? 1;
  const separator = trustedHtml('&nbsp;<span class="byline-separator" aria-hidden="true">·</span> ');
  return html`<span class="byline-author">${text.by} <bdi>${post.author.name}</bdi></span>${separator}<time datetime="${isoInstant(post.dateGmt)}">${formatLongDate(new Date(isoInstant(post.dateGmt)), post.lang)}</time>${separator}<bdi class="byline-reading-time">${readingTimeText(minutes, post.lang)}</bdi>`;
}

/** The page for `post`. Call inside `inLanguage(post.lang, …)`: the reading time and share names use its catalog. */
export function renderArticlePage(template: string, { post, related, site, comments }: ArticlePageData): string {
  const text = stringsFor(post.lang);
  const canonical = postLink(site, post.slug);
  return fillTemplate(template, {
    title: post.title,
    description: post.excerpt,
    canonical,
    ogImage: post.media ? mediaUrl(site, post.media.file) : '',
    lang: post.lang,
    dir: directionOf(post.lang),
    section: post.category?.name ?? '',
    headline: post.title,
    byline: byline(post, text),
    figure: figure(post, site),
    body: trustedHtml(post.content),
    share: share(post, site, text),
    comments,
    related: relatedList(post, related, site),
  });
}
