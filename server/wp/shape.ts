/**
 * Store records → the JSON WordPress 6.x sends for `view` and `embed` contexts. Pure functions of the record
 * and the site's origin (WordPress links are absolute), so they are tested without a server.
 */
import { escapeText } from '../html.js';
import type { Author, Media, Post, TermRef } from '../store/posts.js';
import type { Taxonomy, Term } from '../store/terms.js';
import { avatarFile } from '../seed/extras.js';

/** The wp/v2 namespace's root, which every `_links` href is built on. */
export const API = '/wp-json/wp/v2';
/** The `wp:` link relations' CURIE, as every WordPress response with such links carries it. */
export const CURIES = [{ name: 'wp', href: 'https://api.w.org/{rel}', templated: true }];

export type Json = Record<string, unknown>;

/** Which `_links` relations to embed. */
export type EmbedFilter = (rel: string) => boolean;

export const postLink = (site: string, slug: string) => `${site}/articles/${encodeURIComponent(slug)}`;
/** `get_author_posts_url`: the author's archive page. */
export const authorLink = (site: string, slug: string) => `${site}/author/${encodeURIComponent(slug)}/`;
export const mediaUrl = (site: string, file: string) => `${site}/media/${encodeURIComponent(file)}`;

/** Manual excerpts go through `wpautop` in WordPress: one paragraph, a trailing newline. */
const paragraph = (text: string) => `<p>${escapeText(text)}</p>\n`;

export function authorJson(author: Author, site: string): Json {
  const avatar = mediaUrl(site, avatarFile);
  return {
    id: author.id,
    name: author.name,
    url: author.url,
    description: author.description,
    link: authorLink(site, author.slug),
    slug: author.slug,
    avatar_urls: { 24: avatar, 48: avatar, 96: avatar },
    _links: {
      self: [{ href: `${site}${API}/users/${author.id}` }],
      collection: [{ href: `${site}${API}/users` }],
    },
  };
}

function sizeJson(site: string, mimeType: string, size: { file: string; width: number; height: number }): Json {
  return { file: size.file, width: size.width, height: size.height, mime_type: mimeType, source_url: mediaUrl(site, size.file) };
}

export function mediaJson(media: Media, site: string): Json {
  const sizes: Json = Object.fromEntries(media.sizes.map((size) => [size.name, sizeJson(site, media.mimeType, size)]));
  sizes.full = sizeJson(site, media.mimeType, media);
  return {
    id: media.id,
    date: media.dateGmt,
    slug: media.file.replace(/\.[^.]+$/, ''),
    type: 'attachment',
    link: mediaUrl(site, media.file),
    title: { rendered: escapeText(media.file.replace(/\.[^.]+$/, '')) },
    author: 0,
    caption: { rendered: '' },
    alt_text: media.altText,
    media_type: 'image',
    mime_type: media.mimeType,
    media_details: { width: media.width, height: media.height, file: media.file, sizes },
    source_url: mediaUrl(site, media.file),
    _links: {
      self: [{ href: `${site}${API}/media/${media.id}` }],
      collection: [{ href: `${site}${API}/media` }],
    },
  };
}

/** Each taxonomy's REST base (`rest_base`): `/wp/v2/categories`, `/wp/v2/tags`. */
export const TAXONOMY_BASE = { category: 'categories', post_tag: 'tags' } as const;
const ARCHIVE_BASE = { category: 'category', post_tag: 'tag' } as const;

/** A term's archive page, as get_term_link() gives it. */
export const termLink = (site: string, taxonomy: Taxonomy, slug: string) =>
  `${site}/${ARCHIVE_BASE[taxonomy]}/${encodeURIComponent(slug)}/`;

/** WP_REST_Terms_Controller::prepare_links. */
function termLinks(term: TermRef, taxonomy: Taxonomy, site: string): Json {
  const base = `${site}${API}/${TAXONOMY_BASE[taxonomy]}`;
  return {
    self: [{ href: `${base}/${term.id}` }],
    collection: [{ href: base }],
    about: [{ href: `${site}${API}/taxonomies/${taxonomy}` }],
    'wp:post_type': [{ href: `${site}${API}/posts?${TAXONOMY_BASE[taxonomy]}=${term.id}` }],
    curies: CURIES,
  };
}

/** A category or tag as `GET /wp/v2/categories` (`/tags`) returns it: `parent` only in the hierarchical one. */
export function termJson(term: Term, site: string): Json {
  return {
    id: term.id,
    count: term.count,
    description: term.description,
    link: termLink(site, term.taxonomy, term.slug),
    name: term.name,
    slug: term.slug,
    taxonomy: term.taxonomy,
    ...(term.taxonomy === 'category' ? { parent: term.parent } : {}),
    meta: [],
    _links: termLinks(term, term.taxonomy, site),
  };
}

/** A post's term in `_embedded['wp:term']`: the `embed` context keeps id, link, name, slug and taxonomy. */
function embeddedTermJson(term: TermRef, taxonomy: Taxonomy, site: string): Json {
  return {
    id: term.id,
    link: termLink(site, taxonomy, term.slug),
    name: term.name,
    slug: term.slug,
    taxonomy,
    _links: termLinks(term, taxonomy, site),
  };
}

function linksOf(post: Post, site: string): Json {
  const links: Json = {
    self: [{ href: `${site}${API}/posts/${post.id}` }],
    collection: [{ href: `${site}${API}/posts` }],
    about: [{ href: `${site}${API}/types/post` }],
    author: [{ embeddable: true, href: `${site}${API}/users/${post.author.id}` }],
    replies: [{ embeddable: true, href: `${site}${API}/comments?post=${post.id}` }],
  };
  if (post.media) links['wp:featuredmedia'] = [{ embeddable: true, href: `${site}${API}/media/${post.media.id}` }];
  links['wp:term'] = [
    { taxonomy: 'category', embeddable: true, href: `${site}${API}/categories?post=${post.id}` },
    { taxonomy: 'post_tag', embeddable: true, href: `${site}${API}/tags?post=${post.id}` },
  ];
  links.curies = CURIES;
  return links;
}

/**
 * A post as `GET /wp/v2/posts` returns it, plus `lang` (the post's language; WordPress multilingual plugins
 * add the same field). The site's time zone is UTC, so `date` equals `date_gmt`.
 */
export function postJson(post: Post, site: string, embed: EmbedFilter, replies: readonly Json[] = []): Json {
  const json: Json = {
    id: post.id,
    date: post.dateGmt,
    date_gmt: post.dateGmt,
    guid: { rendered: `${site}/?p=${post.id}` },
    modified: post.modifiedGmt,
    modified_gmt: post.modifiedGmt,
    slug: post.slug,
    status: post.status,
    type: 'post',
    link: postLink(site, post.slug),
    title: { rendered: escapeText(post.title) },
    content: { rendered: `${post.content}\n`, protected: false },
    excerpt: { rendered: paragraph(post.excerpt), protected: false },
    author: post.author.id,
    featured_media: post.media?.id ?? 0,
    comment_status: post.commentStatus,
    ping_status: 'closed',
    sticky: false,
    template: '',
    format: 'standard',
    meta: [],
    categories: post.categories.map((term) => term.id),
    tags: post.tags.map((term) => term.id),
    lang: post.lang,
    _links: linksOf(post, site),
  };
  const embedded: Json = {};
  if (embed('author')) embedded.author = [authorJson(post.author, site)];
  if (embed('replies') && replies.length > 0) embedded.replies = [replies];
  if (embed('wp:featuredmedia') && post.media) embedded['wp:featuredmedia'] = [mediaJson(post.media, site)];
  // WP_REST_Server::embed_links leaves out a relation whose every collection is empty.
  if (embed('wp:term') && post.categories.length + post.tags.length > 0) {
    embedded['wp:term'] = [
      post.categories.map((term) => embeddedTermJson(term, 'category', site)),
      post.tags.map((term) => embeddedTermJson(term, 'post_tag', site)),
    ];
  }
  if (Object.keys(embedded).length > 0) json._embedded = embedded;
  return json;
}
