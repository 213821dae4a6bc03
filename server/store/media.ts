/**
 * The attachments `GET /wp/v2/media` lists. An image's parent (WordPress's `post_parent`) is the published post it
 * is the featured image of. Statements only.
 */
import type { Dialect, Sql } from './client.js';
import type { Media, PostStore } from './posts.js';

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

const whereOf = (d: Dialect) => `(:parents IS NULL OR ${PARENT} IN (SELECT value FROM ${d.each(':parents', 'int', 'j')}))
  AND (:parents_excluded IS NULL OR ${PARENT} NOT IN (SELECT value FROM ${d.each(':parents_excluded', 'int', 'j')}))
  AND (:include IS NULL OR id IN (SELECT value FROM ${d.each(':include', 'int', 'j')}))
  AND (:exclude IS NULL OR id NOT IN (SELECT value FROM ${d.each(':exclude', 'int', 'j')}))
  AND (:mime_type IS NULL OR mime_type = :mime_type)
  AND (:media_type IS NULL OR :media_type = 'image' AND mime_type LIKE 'image/%')`;

interface Params {
  parents: unknown;
  parents_excluded: unknown;
  include: unknown;
  exclude: unknown;
  mime_type: string | null;
  media_type: string | null;
}

export type MediaStore = ReturnType<typeof createMediaStore>;

export function createMediaStore(db: Sql, posts: PostStore) {
  const where = whereOf(db.dialect);
  const params = (filter: MediaFilter): Params => ({
    parents: db.list(filter.parents),
    parents_excluded: db.list(filter.parentsExcluded),
    include: db.list(filter.include),
    exclude: db.list(filter.exclude),
    mime_type: filter.mimeType ?? null,
    media_type: filter.mediaType ?? null,
  });

  return {
    count: async (filter: MediaFilter): Promise<number> => (await db.value<number>(`SELECT count(*) FROM media WHERE ${where}`, params(filter))) ?? 0,
    async list(filter: MediaFilter, page: MediaPage): Promise<Media[]> {
      const direction = page.order === 'asc' ? 'ASC' : 'DESC';
      const found = await db.all<{ id: number }>(
        `SELECT id FROM media WHERE ${where} ORDER BY date_gmt ${direction}, id ${direction} LIMIT :limit OFFSET :offset`,
        { ...params(filter), limit: page.limit, offset: page.offset },
      );
      const media = await Promise.all(found.map(({ id }) => posts.media(id)));
      return media.filter((item): item is Media => item !== undefined);
    },
    /** The attachment's parent post, `0` for none. */
    parentOf: async (id: number): Promise<number> => (await db.value<number>(`SELECT ${PARENT} FROM media WHERE id = :id`, { id })) ?? 0,
  };
}
