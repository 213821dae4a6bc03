/** `/wp-json/wp/v2/media` and `/media/:id`, as WordPress answers an anonymous reader (view context). */
import type { FastifyInstance } from 'fastify';
import type { MediaStore } from '../store/media.js';
import type { Media, PostStore } from '../store/posts.js';
import { invalidPostId } from '../wp/errors.js';
import { ParamReader, readPaging, textParam, type Query } from '../wp/params.js';
import { mediaJson } from '../wp/shape.js';
import { ID, idParam, pagesOf, pagingHeaders, siteOf } from './responses.js';

const MEDIA_TYPES = ['image', 'video', 'text', 'application', 'audio'] as const;

/**
 * An attachment in the view context: `mediaJson`'s fields (the embed context's) and the rest WordPress sends to
 * readers. An image is never edited here, so it was last modified when it was uploaded.
 */
function attachmentJson(media: Media, parent: number, site: string) {
  const { _links, ...embed } = mediaJson(media, site);
  return {
    ...embed,
    date_gmt: media.dateGmt,
    guid: { rendered: embed.source_url },
    modified: media.dateGmt,
    modified_gmt: media.dateGmt,
    status: 'inherit',
    comment_status: 'closed',
    ping_status: 'closed',
    template: '',
    meta: [],
    description: { rendered: '' },
    post: parent === 0 ? null : parent,
    _links,
  };
}

export function mediaRoutes(app: FastifyInstance, posts: PostStore, media: MediaStore): void {
  app.get('/wp-json/wp/v2/media', async (request, reply) => {
    const query = request.query as Query;
    const params = new ParamReader(query);
    const { page, perPage, order } = readPaging(params, 'desc');
    const offset = params.integer('offset', { fallback: 0 });
    const filter = {
      parents: params.integerList('parent'),
      parentsExcluded: params.integerList('parent_exclude'),
      include: params.integerList('include'),
      exclude: params.integerList('exclude'),
      mediaType: params.has('media_type') ? params.oneOf('media_type', MEDIA_TYPES, 'image') : undefined,
      mimeType: textParam(query, 'mime_type') || undefined,
    };
    params.done();

    const total = await media.count(filter);
    const totalPages = pagesOf(total, perPage, page, 'post');
    const site = siteOf(request);
    const items = await media.list(filter, { limit: perPage, offset: offset || (page - 1) * perPage, order });
    pagingHeaders(reply, request, { total, totalPages, page });
    return Promise.all(items.map(async (item) => attachmentJson(item, await media.parentOf(item.id), site)));
  });

  app.get(`/wp-json/wp/v2/media/${ID}`, async (request) => {
    const id = idParam(request);
    const item = id === undefined ? undefined : await posts.media(id);
    if (!item) throw invalidPostId();
    return attachmentJson(item, await media.parentOf(item.id), siteOf(request));
  });
}
