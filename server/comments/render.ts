/**
 * Comments as WordPress's REST API returns them (`view` context). A reader's text is escaped in full and only
 * then given paragraphs, so no markup a reader sends is ever live — not even what WordPress's kses would allow.
 */
import { escapeText } from '../html.js';
import { avatarFile } from '../seed/extras.js';
import type { Comment } from '../store/comments.js';
import { mediaUrl, postLink, type Json } from '../wp/shape.js';

const API = '/wp-json/wp/v2';

/** `wpautop` for plain text: blank lines part paragraphs, single line breaks become `<br />`. */
export function commentHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeText(paragraph).replace(/[ \t]*\n[ \t]*/g, '<br />\n')}</p>\n`)
    .join('');
}

export function commentJson(comment: Comment, site: string): Json {
  const avatar = mediaUrl(site, avatarFile);
  const links: Json = {
    self: [{ href: `${site}${API}/comments/${comment.id}` }],
    collection: [{ href: `${site}${API}/comments` }],
    up: [{ embeddable: true, post_type: 'post', href: `${site}${API}/posts/${comment.post}` }],
  };
  if (comment.parent) links['in-reply-to'] = [{ embeddable: true, href: `${site}${API}/comments/${comment.parent}` }];
  return {
    id: comment.id,
    post: comment.post,
    parent: comment.parent,
    author: 0,
    author_name: comment.authorName,
    author_url: comment.authorUrl,
    date: comment.dateGmt,
    date_gmt: comment.dateGmt,
    content: { rendered: commentHtml(comment.content) },
    link: `${postLink(site, comment.postSlug)}#comment-${comment.id}`,
    status: comment.status,
    type: 'comment',
    author_avatar_urls: { 24: avatar, 48: avatar, 96: avatar },
    meta: [],
    _links: links,
  };
}
