/**
 * The oEmbed provider as WordPress is one (`wp-includes/embed.php`, `class-wp-oembed-controller.php`): which of our
 * URLs name a post (`url_to_postid`), the frame's size (`get_oembed_response_data`), the answer's fields and its
 * `html` (`get_oembed_response_data_rich`, `get_post_embed_html`) and the XML form (`_oembed_create_xml`).
 */
import { randomInt } from 'node:crypto';
import { escapeText, html } from '../html.js';
import type { Post } from '../store/posts.js';
import { authorLink, mediaUrl, postLink } from './shape.js';

/** `oembed_default_width`, and `oembed_min_max_width`'s bounds. */
export const DEFAULT_WIDTH = 600;
const MIN_WIDTH = 200;
const MAX_WIDTH = 600;
const MIN_HEIGHT = 200;

/** A post's embed URL (`get_post_embed_url`: the permalink, a slash, `embed/`). */
export const embedLink = (site: string, slug: string) => `${postLink(site, slug)}/embed/`;

/** What a URL names here: the front page (the seed article), an article by slug, or nothing of ours. */
export type EmbedTarget = { front: true } | { slug: string };

const withoutWww = (host: string) => host.replace(/^www\./i, '');

/**
 * `url_to_postid` for our permalinks: `http(s)://<this site's host>/`, `/articles/<slug>` (with or without the
 * trailing slash, the `embed/` ending, a query or a fragment, which WordPress strips too); the scheme may differ
 * from the site's, as `url_to_postid` sets the home URL's, and so may a leading `www.`, which it adds or strips to
 * match. Anything else (another host, `javascript:`, a relative
 * URL, another path) is `undefined`.
 */
export function embedTarget(raw: string, site: string): EmbedTarget | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || withoutWww(url.host) !== withoutWww(new URL(site).host)) return undefined;
  if (url.pathname === '/') return { front: true };
  const match = /^\/articles\/([^/]+)(?:\/embed)?\/?$/.exec(url.pathname);
  if (!match) return undefined;
  try {
    return { slug: decodeURIComponent(match[1]) };
  } catch {
    return undefined;
  }
}

/** PHP's `absint` of a query value: the leading number of a string (`"12px"` → 12, `"1e3"` → 1000), else 0. */
export function absint(raw: string | undefined): number {
  const number = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?/i.exec(raw ?? '')?.[0];
  const value = Math.abs(Math.trunc(Number(number ?? 0)));
  return Number.isFinite(value) ? value : Number.MAX_SAFE_INTEGER;
}

/** `get_oembed_response_data`: the width bounded to 200–600, the height 16:9 of it, at least 200. */
export function embedSize(maxwidth: number): { width: number; height: number } {
  const width = Math.min(Math.max(MIN_WIDTH, maxwidth), MAX_WIDTH);
  return { width, height: Math.max(Math.ceil((width / 16) * 9), MIN_HEIGHT) };
}

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** `wp_generate_password( 10, false )`: the secret that pairs a frame with its host page's blockquote. */
export function embedSecret(): string {
  return Array.from({ length: 10 }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join('');
}

/** `wp_constrain_dimensions`: the picture scaled down (never up) to fit `maxWidth`. */
function constrained(width: number, height: number, maxWidth: number): { width: number; height: number } {
  if (width <= maxWidth) return { width, height };
  return { width: maxWidth, height: Math.max(1, Math.round((height * maxWidth) / width)) };
}

export type OembedData = {
  version: '1.0';
  provider_name: string;
  provider_url: string;
  author_name: string;
  author_url: string;
  title: string;
  type: 'rich';
  width: number;
  height: number;
  html: string;
  thumbnail_url?: string;
  thumbnail_width?: number;
  thumbnail_height?: number;
};

/**
 * The answer for `post`, its keys in WordPress's order. `html` is `get_post_embed_html`'s blockquote and sandboxed
 * iframe; WordPress appends its wp-embed.js to them, which a WordPress host strips and loads its own copy of, so
 * none of our script goes into the host's page.
 */
export function oembedData(post: Post, site: string, siteName: string, maxwidth: number, secret = embedSecret()): OembedData {
  const { width, height } = embedSize(maxwidth);
  const permalink = postLink(site, post.slug);
  const markup = html`<blockquote class="wp-embedded-content" data-secret="${secret}"><a href="${permalink}">${post.title}</a></blockquote><iframe sandbox="allow-scripts" security="restricted" src="${embedLink(site, post.slug)}#?secret=${secret}" width="${width}" height="${height}" title="“${post.title}” — ${siteName}" data-secret="${secret}" frameborder="0" marginwidth="0" marginheight="0" scrolling="no" class="wp-embedded-content"></iframe>`;
  const data: OembedData = {
    version: '1.0',
    provider_name: siteName,
    provider_url: site,
    author_name: post.author.name,
    author_url: authorLink(site, post.author.slug),
    title: post.title,
    type: 'rich',
    width,
    height,
    html: markup.value,
  };
  if (post.media) {
    const thumbnail = constrained(post.media.width, post.media.height, width);
    data.thumbnail_url = mediaUrl(site, post.media.file);
    data.thumbnail_width = thumbnail.width;
    data.thumbnail_height = thumbnail.height;
  }
  return data;
}

type XmlObject = Readonly<Record<string, unknown>>;

/** SimpleXML's `addChild` for each key: objects nest, numeric keys (PHP lists) become `<oembed>`, `false`/`null` empty. */
function xmlNodes(data: XmlObject): string {
  return Object.entries(data)
    .map(([key, value]) => {
      const name = /^\d+$/.test(key) ? 'oembed' : key;
      const content =
        value !== null && typeof value === 'object'
          ? xmlNodes(value as XmlObject)
          : escapeText(value === true ? '1' : value === false || value === null || value === undefined ? '' : String(value));
      return `<${name}>${content}</${name}>`;
    })
    .join('');
}

/** `_oembed_create_xml`: SimpleXML's document of the answer (or of an error: its code, message and data). */
export function oembedXml(data: XmlObject): string {
  return `<?xml version="1.0"?>\n<oembed>${xmlNodes(data)}</oembed>\n`;
}
