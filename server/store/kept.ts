/**
 * What is derived from stored rows, kept while the database stays the same (`Sql.marker`): at most `size`
 * values, the least recently used forgotten first. `look()` reads the marker before anything is made from the
 * rows; what is then made is `keep()`t with that marker, so a write in between leaves it stale, never wrong.
 */
export function keptWhileUnchanged<V>(marker: () => Promise<string>, size: number) {
  const kept = new Map<string, { marker: string; value: V }>();
  return {
    /** The database's marker now, and the value kept for `key` if nothing has changed since it was made. */
    async look(key: string): Promise<{ marker: string; value?: V }> {
      const now = await marker();
      const hit = kept.get(key);
      if (hit?.marker !== now) return { marker: now };
      kept.delete(key);
      kept.set(key, hit);
      return { marker: now, value: hit.value };
    },
    /** Keeps `value`, made from the rows as they were at `since` (a marker `look()` gave). */
    keep(key: string, since: string, value: V): void {
      kept.delete(key);
      kept.set(key, { marker: since, value });
      if (kept.size > size) kept.delete(kept.keys().next().value as string);
    },
  };
}
