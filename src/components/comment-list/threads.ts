/**
 * Flat WordPress comments → threads. WordPress pages its comments flat, so a reply can arrive before (or
 * without) its parent: such a reply waits at the top level until its parent is loaded. Like WordPress's
 * `thread_comments_depth`, nesting stops at five levels; deeper replies follow their parent at level five.
 */

export const MAX_DEPTH = 5;

export interface Threadable {
  id: number;
  parent: number;
}

export interface ThreadNode<T extends Threadable> {
  comment: T;
  /** 1 for a top-level comment, at most `MAX_DEPTH`. */
  depth: number;
  children: ThreadNode<T>[];
}

export function buildThreads<T extends Threadable>(comments: readonly T[]): ThreadNode<T>[] {
  const ids = new Set(comments.map((c) => c.id));
  const replies = new Map<number, T[]>();
  const roots: T[] = [];
  for (const comment of comments) {
    if (comment.parent && comment.parent !== comment.id && ids.has(comment.parent)) {
      const siblings = replies.get(comment.parent) ?? [];
      siblings.push(comment);
      replies.set(comment.parent, siblings);
    } else {
      roots.push(comment);
    }
  }

  const placed = new Set<number>();
  const out: ThreadNode<T>[] = [];
  const place = (list: ThreadNode<T>[], comment: T, depth: number): void => {
    if (placed.has(comment.id)) return;
    placed.add(comment.id);
    const node: ThreadNode<T> = { comment, depth, children: [] };
    list.push(node);
    for (const reply of replies.get(comment.id) ?? []) {
      place(depth < MAX_DEPTH ? node.children : list, reply, Math.min(depth + 1, MAX_DEPTH));
    }
  };
  for (const comment of roots) place(out, comment, 1);
  // Whatever is left sits in a parent cycle (bad data): show it rather than lose it.
  for (const comment of comments) place(out, comment, 1);
  return out;
}
