/**
 * The demo's article page (SPEC §9): `demo/index.html` filled from a stored post. The page chrome is the
 * Arabic site's; the article itself carries its own language and direction, so an English post sits in an
 * LTR `<article lang="en">`. The widgets get attributes filled here and light-DOM fallbacks for readers
 * (and crawlers) before, or without, JavaScript.
 */
import { countWords } from '../../src/i18n/reading-time.js';
import { directionOf } from '../../src/i18n/locale.js';
import { formatLongDate } from '../../src/i18n/format.js';
import { commentHtml } from '../comments/render.js';
import { html, textFromHtml, trustedHtml, type SafeHtml } from '../html.js';
import type { Comment } from '../store/comments.js';
import type { Post } from '../store/posts.js';
import { mediaUrl, postLink } from '../wp/shape.js';
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
  shareOn: (network: string) => string;
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
    shareOn: (network) => `شارك على ${network}`,
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
    shareOn: (network) => `Share on ${network}`,
  },
};

const stringsFor = (lang: string): Strings => (lang.startsWith('ar') ? STRINGS.ar : STRINGS.en);

/** A zone-less UTC time as the ISO 8601 instant `<time datetime>` and the card's `published` expect. */
const isoInstant = (gmt: string) => `${gmt}Z`;

export interface ArticlePageData {
  post: Post;
  /** Other posts, shown as cards under the article. */
  related: readonly Post[];
  /** Origin for absolute URLs (canonical link, og:image). */
  site: string;
  /** The post's reading time, as the widgets word it. */
  readingTime: string;
  /** Approved comments, oldest first: the comment list's fallback, and where the plain form lands. */
  comments: readonly Comment[];
}

function figure(post: Post, site: string): SafeHtml {
  if (!post.media) return html``;
  const { file, altText, width, height } = post.media;
  return html`<figure class="article-figure">
        <img src="${mediaUrl(site, file)}" alt="${altText}" width="${width}" height="${height}">
      </figure>`;
}

/** Plain share links: what the reader gets before `<nw-share-button>` upgrades, or without JavaScript. */
function share(post: Post, site: string, text: Strings): SafeHtml {
  const url = encodeURIComponent(postLink(site, post.slug));
  const title = encodeURIComponent(post.title);
  const links: ReadonlyArray<[string, string]> = [
    ['WhatsApp', `https://wa.me/?text=${title}%0A${url}`],
    ['X', `https://x.com/intent/tweet?text=${title}&url=${url}`],
    ['Facebook', `https://www.facebook.com/sharer/sharer.php?u=${url}`],
    ['Telegram', `https://t.me/share/url?url=${url}&text=${title}`],
  ];
  return html`<nw-share-button mode="inline">
        <p class="share-fallback">${text.share}:
          ${links.map(
            ([name, href]) =>
              html` <a href="${href}" target="_blank" rel="noopener noreferrer" aria-label="${text.shareOn(name)}">${name}</a>`,
          )}
        </p>
      </nw-share-button>`;
}

/** A server-rendered comment; `commentHtml` escapes the reader's text in full before adding paragraphs. */
function comment(item: Comment, lang: string): SafeHtml {
  return html`<li id="comment-${item.id}"><article>
              <p class="comment-meta"><bdi>${item.authorName}</bdi>
                <time datetime="${isoInstant(item.dateGmt)}">${formatLongDate(new Date(isoInstant(item.dateGmt)), lang)}</time></p>
              <div dir="auto">${trustedHtml(commentHtml(item.content))}</div>
            </article></li>`;
}

/** The comment list with its comments as fallback, and a plain WordPress-style form for `<nw-comment-form>`. */
function comments(post: Post, items: readonly Comment[], text: Strings): SafeHtml {
  return html`<h2 id="comments-heading">${text.comments}</h2>
        <nw-comment-list endpoint="${COMMENTS_ENDPOINT}" post-id="${post.id}">
          ${items.length > 0
            ? html`<ol class="comment-fallback">${items.map((item) => comment(item, post.lang))}</ol>`
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

/** A card for another post, every attribute filled so it renders without fetching. */
function card(post: Post, site: string): SafeHtml {
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
          words="${countWords(textFromHtml(post.content), post.lang)}">
          <a href="${href}">${post.title}</a>
        </nw-article-card>`;
}

export function renderArticlePage(template: string, { post, related, site, readingTime, comments: approved }: ArticlePageData): string {
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
    byline: html`<span class="byline-author">${text.by} ${post.author.name}</span>
          <time datetime="${isoInstant(post.dateGmt)}">${formatLongDate(new Date(isoInstant(post.dateGmt)), post.lang)}</time>
          <span class="byline-reading-time">${readingTime}</span>`,
    figure: figure(post, site),
    body: trustedHtml(post.content),
    share: share(post, site, text),
    comments: comments(post, approved, text),
    cards: html`${related.map((item) => card(item, site))}`,
  });
}
