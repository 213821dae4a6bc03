/** Comments as WordPress's REST API returns them (`view` context). */
import { avatarFile } from '../seed/extras.js';
import type { Comment, EditableComment } from '../store/comments.js';
import { API, mediaUrl, postLink, type Json } from '../wp/shape.js';
import { commentHtml } from './comment-html.js';

/** The rendering stored with the comment, or, for a row another tool wrote or edited, one made now. */
export const renderedContent = (comment: Pick<Comment, 'content' | 'contentHtml'>): string => comment.contentHtml ?? commentHtml(comment.content);

export function commentJson(comment: Comment, site: string): Json {
  const avatar = mediaUrl(site, avatarFile);
  const links: Json = {
    self: [{ href: `${site}${API}/comments/${comment.id}` }],
    collection: [{ href: `${site}${API}/comments` }],
    up: [{ embeddable: true, post_type: 'post', href: `${site}${API}/posts/${comment.post}` }],
  };
  if (comment.parent) links['in-reply-to'] = [{ embeddable: true, href: `${site}${API}/comments/${comment.parent}` }];
  // WP_REST_Comments_Controller::prepare_links counts replies of any status; approved ones only here, since the
  // link leads to a list of approved replies and should not tell that held ones exist.
  if (comment.hasChildren) links.children = [{ embeddable: true, href: `${site}${API}/comments?parent=${comment.id}` }];
  return {
    id: comment.id,
    post: comment.post,
    parent: comment.parent,
    author: 0,
    author_name: comment.authorName,
    author_url: comment.authorUrl,
    date: comment.dateGmt,
    date_gmt: comment.dateGmt,
    content: { rendered: renderedContent(comment) },
    link: `${postLink(site, comment.postSlug)}#comment-${comment.id}`,
    status: comment.status,
    type: 'comment',
    author_avatar_urls: { 24: avatar, 48: avatar, 96: avatar },
    meta: [],
    _links: links,
  };
}

/**
 * A comment as a moderator sees it, whatever its status; in `context=edit` also the author's e-mail, address and
 * user agent, and the text as stored (`content.raw`).
 */
export function editableJson(comment: EditableComment, site: string, context: 'view' | 'edit' = 'edit'): Json {
  const json = commentJson({ ...comment, status: comment.status === 'trash' ? 'hold' : comment.status }, site);
  if (context === 'view') return { ...json, status: comment.status };
  return {
    ...json,
    author_email: comment.authorEmail,
    author_ip: comment.authorIp,
    author_user_agent: comment.authorUserAgent,
    content: { raw: comment.content, rendered: renderedContent(comment) },
    status: comment.status,
  };
}
