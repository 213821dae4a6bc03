/** Parameters the stores' prepared statements share. */

/** A list as one JSON array parameter (`json_each(:x)`), so one statement serves any length; `null` for no list. */
export const jsonList = (items: readonly unknown[] | undefined): string | null => (items === undefined ? null : JSON.stringify(items));

/** `LIKE '%text%'` with LIKE's own wildcards in `text` matching themselves (with `ESCAPE '\'`). */
export const likeContaining = (text: string): string => `%${text.replace(/[\\%_]/g, '\\$&')}%`;
