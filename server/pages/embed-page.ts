/**
 * The page an oEmbed iframe shows (`/articles/<slug>/embed/`, WordPress's embed template): the post as one
 * `<nw-article-card>`, in the post's language and direction, and nothing else. `/embed-frame.js` speaks wp-embed's
 * protocol with the host page (the height, links opened in the top window); `/embed.css` lets the card fill the
 * frame without a scroll bar.
 */
import { directionOf } from '../../src/i18n/locale.js';
import { html } from '../html.js';
import type { Post } from '../store/posts.js';
import { postLink } from '../wp/shape.js';
import { card } from './article-page.js';

export function renderEmbedPage(post: Post, site: string, siteName: string): string {
  return html`<!doctype html>
<html lang="${post.lang}" dir="${directionOf(post.lang)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, follow">
  <title>${post.title} — ${siteName}</title>
  <link rel="canonical" href="${postLink(site, post.slug)}">
  <link rel="stylesheet" href="/embed.css">
  <script src="/embed-frame.js" defer></script>
  <script type="module" src="/dist/article-card.js"></script>
</head>
<body>
  <main>${card(post, site)}</main>
</body>
</html>
`.value;
}
