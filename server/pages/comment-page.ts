/** A comment on a page of its own: where "read the whole comment" leads from the article page. */
import { renderedContent } from '../comments/render.js';
import { html, trustedHtml } from '../html.js';
import type { Comment } from '../store/comments.js';
import type { Post } from '../store/posts.js';
import { postLink } from '../wp/shape.js';
import { commentMeta } from './article-page.js';
import { stringsIn } from './localize.js';
import { simplePage } from './simple-page.js';

const STRINGS = {
  ar: { heading: (title: string) => `تعليق على «${title}»`, back: 'العودة إلى المقال' },
  en: { heading: (title: string) => `A comment on “${title}”`, back: 'Back to the article' },
};

export function renderCommentPage(post: Post, comment: Comment): string {
  const text = stringsIn(post.lang, STRINGS);
  const article = postLink('', post.slug);
  return simplePage({
    lang: post.lang,
    title: text.heading(post.title),
    body: html`<h1><bdi>${text.heading(post.title)}</bdi></h1>
      <article id="comment-${comment.id}">
        ${commentMeta(comment, post.lang)}
        <div dir="auto">${trustedHtml(renderedContent(comment))}</div>
      </article>
      <p><a href="${article}#comment-${comment.id}">${text.back}</a></p>`,
  });
}
