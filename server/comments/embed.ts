/**
 * `_embed` on comments, as WP_REST_Server::embed_links fills `_embedded`: each embeddable link the client asked for,
 * requested in the `embed` context — `up` the post, `in-reply-to` the parent comment, `children` the first page of
 * replies (`?parent=ID` with its defaults). `author` is embedded only for registered users' comments: none here.
 * What the reader may not read is embedded as the error WordPress would answer for it.
 */
import type { Comment, CommentStore } from '../store/comments.js';
import type { PostStore } from '../store/posts.js';
import { cannotReadComment, invalidPostId } from '../wp/errors.js';
import { COMMENT_SCHEMA, filterByContext, POST_SCHEMA } from '../wp/schemas.js';
import { postJson, type EmbedFilter, type Json } from '../wp/shape.js';
import { commentJson } from './render.js';
import { DEFAULT_PER_PAGE } from '../wp/params.js';

/** A comment as another response embeds it: in the `embed` context of its schema. */
export const commentEmbedJson = (comment: Comment, site: string): Json =>
  filterByContext(commentJson(comment, site), COMMENT_SCHEMA.properties, 'embed');

export function commentEmbedder(posts: PostStore, comments: CommentStore) {
  return async (comment: Comment, json: Json, site: string, embed: EmbedFilter): Promise<Json> => {
    const embedded: Json = {};
    if (embed('up')) {
      const post = await posts.get(comment.post);
      embedded.up = [post ? filterByContext(postJson(post, site, () => false), POST_SCHEMA.properties, 'embed') : invalidPostId().toJSON()];
    }
    if (comment.parent && embed('in-reply-to')) {
      const parent = await comments.get(comment.parent);
      embedded['in-reply-to'] = [parent?.status === 'approved' ? commentEmbedJson(parent, site) : cannotReadComment().toJSON()];
    }
    if (comment.hasChildren && embed('children')) {
      const replies = await comments.list({ parents: [comment.id] }, { limit: DEFAULT_PER_PAGE, offset: 0, order: 'desc' });
      embedded.children = [replies.map((reply) => commentEmbedJson(reply, site))];
    }
    return Object.keys(embedded).length > 0 ? { ...json, _embedded: embedded } : json;
  };
}
