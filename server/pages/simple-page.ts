/**
 * The small pages the server answers besides the article page (a comment in full, the no-JavaScript comment
 * form's answer): the site's stylesheet, the article's language and direction.
 */
import { directionOf } from '../../src/i18n/locale.js';
import { html, type SafeHtml } from '../html.js';

/** `script`: a widget entry the page uses, defined before the first paint (as on the article page), so nothing moves. */
export function simplePage({ lang, title, body, script }: { lang: string; title: string; body: SafeHtml; script?: string }): string {
  return html`<!doctype html>
<html lang="${lang}" dir="${directionOf(lang)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
  <link rel="stylesheet" href="/site.css">
  ${script ? html`<script type="module" src="${script}" blocking="render"></script>` : ''}
</head>
<body>
  <main class="page">
    <div class="article simple-page">
      ${body}
    </div>
  </main>
</body>
</html>
`.value;
}
