/**
 * The attachments `GET /wp/v2/media` lists. An image's parent (WordPress's `post_parent`) is the published post it
 * is the featured image of. Prepared statements only.
 */
import type { Db } from './database.js';
import type { Media, PostStore } from './posts.js';
import { jsonList } from './sql.js';

export interface MediaFilter {
  /** Only attachments of these parents (`0`: no parent). */
  parents?: readonly number[];
  parentsExcluded?: readonly number[];
  include?: readonly number[];
  exclude?: readonly number[];
  mimeType?: string;
  /** `media_type`: everything stored is an image, so any other type matches nothing. */
  mediaType?: string;
}

export interface MediaPage {
  limit: number;
  offset: number;
  order: 'asc' | 'desc';
}

const PARENT = `coalesce((SELECT min(id) FROM posts WHERE featured_media = media.id AND status = 'publish'), 0)`;

const WHERE = `(:parents IS NULL OR ${PARENT} IN (SELECT value FROM json_each(:parents)))
  AND (:parents_excluded IS NULL OR ${PARENT} NOT IN (SELECT value FROM json_each(:parents_excluded)))
  AND (:include IS NULL OR id IN (SELECT value FROM json_each(:include)))
  AND (:exclude IS NULL OR id NOT IN (SELECT value FROM json_each(:exclude)))
  AND (:mime_type IS NULL OR mime_type = :mime_type)
  AND (:media_type IS NULL OR :media_type = 'image' AND mime_type LIKE 'image/%')`;

interface Params {
  parents: string | null;
  parents_excluded: string | null;
  include: string | null;
  exclude: string | null;
  mime_type: string | null;
  media_type: string | null;
}

export type MediaStore = ReturnType<typeof createMediaStore>;

export function createMediaStore(db: Db, posts: PostStore) {
  const count = db.prepare<Params, number>(`SELECT count(*) FROM media WHERE ${WHERE}`).pluck();
  const ids = {
    desc: db.prepare<Params & { limit: number; offset: number }, number>(`SELECT id FROM media WHERE ${WHERE} ORDER BY date_gmt DESC, id DESC LIMIT :limit OFFSET :offset`).pluck(),
    asc: db.prepare<Params & { limit: number; offset: number }, number>(`SELECT id FROM media WHERE ${WHERE} ORDER BY date_gmt ASC, id ASC LIMIT :limit OFFSET :offset`).pluck(),
  };
  const parent = db.prepare<[number], number>(`SELECT ${PARENT} FROM media WHERE id = ?`).pluck();

  const params = (filter: MediaFilter): Params => ({
    parents: jsonList(filter.parents),
    parents_excluded: jsonList(filter.parentsExcluded),
    include: jsonList(filter.include),
    exclude: jsonList(filter.exclude),
    mime_type: filter.mimeType ?? null,
    media_type: filter.mediaType ?? null,
  });

  return {
    count: (filter: MediaFilter): number => count.get(params(filter)) ?? 0,
    list(filter: MediaFilter, page: MediaPage): Media[] {
      const found = ids[page.order].all({ ...params(filter), limit: page.limit, offset: page.offset });
      return found.map((id) => posts.media(id)).filter((media): media is Media => media !== undefined);
    },
    /** The attachment's parent post, `0` for none. */
    parentOf: (id: number): number => parent.get(id) ?? 0,
  };
}
