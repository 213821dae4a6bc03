/**
 * Query parameters validated the way WordPress's REST schema does it (`rest_validate_value_from_schema`):
 * same checks, same messages, and every failure collected into one `rest_invalid_param` error.
 */
import { invalidParams, type ParamProblem } from './errors.js';

export type Query = Readonly<Record<string, unknown>>;

/** PHP keeps the last of repeated parameters (`?page=1&page=2` → 2); so do we. */
function scalar(raw: unknown): string | undefined {
  if (Array.isArray(raw)) return scalar(raw.at(-1));
  return typeof raw === 'string' ? raw : undefined;
}

/**
 * A parameter as PHP reads it: `a[]=1&a[]=2` (or `a[0]=`, `a[1]=`) is a list and `a[k]=v` an object (`{ k: v }`),
 * besides plain `a=`.
 * The query parser here does not nest, so those arrive as keys `a[]` and `a[k]`.
 */
function phpParam(query: Query, name: string): unknown {
  // A plain name repeated (`a=1&a=2`) is one value to PHP, the last.
  if (query[name] !== undefined) return Array.isArray(query[name]) ? query[name].at(-1) : query[name];
  if (query[`${name}[]`] !== undefined) return [query[`${name}[]`]].flat();
  const prefix = `${name}[`;
  const entries = Object.entries(query).filter(([key]) => key.startsWith(prefix) && key.endsWith(']'));
  if (entries.length === 0) return undefined;
  const fields = entries.map(([key, value]) => [key.slice(prefix.length, -1), scalar(value) ?? ''] as const);
  // `a[0]=1&a[1]=2` is a list to PHP too (rest_is_array: wp_is_numeric_array).
  if (fields.every(([key]) => /^\d+$/.test(key))) return fields.map(([, value]) => value);
  return Object.fromEntries(fields);
}

/** The items of an `array` parameter: a PHP list as it is, a string through wp_parse_list. */
function listItems(raw: unknown): string[] | undefined {
  if (Array.isArray(raw) && raw.every((item) => typeof item === 'string')) return raw;
  const text = scalar(raw);
  return text === undefined ? undefined : parseList(text);
}

/** rest_validate_enum's list (wp_sprintf's `%l`): "a and b", "a, b, and c". */
const choicesOf = (allowed: readonly string[]) => new Intl.ListFormat('en', { type: 'conjunction' }).format(allowed);

/**
 * rest_parse_date's form (RFC 3339, `T` or a space, optional fraction and offset), read as WP_Date_Query does: an
 * offset is honoured, a time without one is in the site's zone (UTC here); `undefined` for what strtotime refuses.
 */
export function parseDateTime(raw: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}(?::\d{2})?)?$/.exec(raw);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 59) return undefined;
  const zone = /^([+-])(\d{2})(?::(\d{2}))?$/.exec(match[7] ?? '');
  const offset = zone ? (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3] ?? 0)) : 0;
  const time = Date.UTC(year, month - 1, day, hour, minute - offset, second);
  return new Date(time).toISOString().slice(0, 19);
}

/** `{ terms, operator, include_children }` or a plain list: the `categories`/`tags` forms WordPress 5.7+ reads. */
export interface TermLimit {
  terms: number[];
  operator: 'IN' | 'AND';
  includeChildren: boolean;
}

/** An empty list filters nothing, as WP_Query and get_terms() ignore an empty `post__in`, `include`, `slug`, … */
export const nonEmpty = <T>(items: T[] | undefined): T[] | undefined => (items?.length ? items : undefined);

/** A free-text parameter read outside a ParamReader (`search`, `mime_type`, `context`): the last of repeated ones. */
export const textParam = (query: Query, name: string): string | undefined => scalar(query[name]);

/** WordPress's `wp_parse_list`: items separated by commas and/or white space. */
export function parseList(raw: string): string[] {
  return raw.split(/[\s,]+/).filter(Boolean);
}

export class ParamReader {
  private readonly problems: Record<string, ParamProblem> = {};

  constructor(private readonly query: Query) {}

  has(name: string): boolean {
    return phpParam(this.query, name) !== undefined;
  }

  integer(name: string, rule: { fallback: number; min?: number; max?: number }): number {
    const raw = scalar(this.query[name]);
    if (!this.has(name)) return rule.fallback;
    if (raw === undefined || !/^-?\d+$/.test(raw.trim())) {
      return this.fail(name, 'rest_invalid_type', `${name} is not of type integer.`, rule.fallback);
    }
    const value = Number(raw.trim());
    const { min, max } = rule;
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      const message =
        min !== undefined && max !== undefined
          ? `${name} must be between ${min} (inclusive) and ${max} (inclusive)`
          : min !== undefined
            ? `${name} must be greater than or equal to ${min}`
            : `${name} must be less than or equal to ${max}`;
      return this.fail(name, 'rest_out_of_bounds', message, rule.fallback);
    }
    return value;
  }

  /** A list of non-negative integers (`?post=1,2`), as WordPress's `array` of `integer` parameters. */
  integerList(name: string): number[] | undefined {
    if (!this.has(name)) return undefined;
    return this.integerItems(name, phpParam(this.query, name));
  }

  private integerItems(name: string, raw: unknown): number[] | undefined {
    const items = listItems(raw);
    if (items === undefined) return this.fail(name, 'rest_invalid_type', `${name} is not of type array.`, undefined);
    const bad = items.findIndex((item) => !/^\d+$/.test(item.trim()));
    if (bad !== -1) return this.fail(name, 'rest_invalid_type', `${name}[${bad}] is not of type integer.`, undefined);
    return items.map(Number).filter(Number.isSafeInteger);
  }

  /** A `string` parameter; a PHP list or object is not one. */
  string(name: string): string | undefined {
    const raw = phpParam(this.query, name);
    if (raw === undefined) return undefined;
    return typeof raw === 'string' ? raw : this.fail(name, 'rest_invalid_type', `${name} is not of type string.`, undefined);
  }

  /**
   * The `search` every collection takes, through its sanitize_text_field: no tags, no percent-encoded octets,
   * runs of white space as one space, trimmed; `undefined` when nothing is left.
   */
  search(): string | undefined {
    const raw = this.string('search');
    const text = raw
      ?.replace(/<[^>]*>?/g, '')
      .replace(/%[a-f0-9]{2}/gi, '')
      .replace(/[\r\n\t ]+/g, ' ')
      .trim();
    return text || undefined;
  }

  /** A `boolean` parameter (rest_is_boolean: true, false, 1, 0, in any case). */
  boolean(name: string): boolean | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const value = raw.toLowerCase();
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    return this.fail(name, 'rest_invalid_type', `${name} is not of type boolean.`, undefined);
  }

  /** A `string` parameter of format `date-time`, as a zone-less UTC time (`*_gmt`). */
  dateTime(name: string): string | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    return parseDateTime(raw) ?? this.fail(name, 'rest_invalid_date', 'Invalid date.', undefined);
  }

  /**
   * A taxonomy limit of the posts list (prepare_taxonomy_limit_schema): a list of term ids, or an object with
   * `terms`, `operator` (include only: `AND`/`OR`) and `include_children` (hierarchical taxonomies only).
   */
  termLimit(name: string, allowed: { operator: boolean; includeChildren: boolean }): TermLimit | undefined {
    const raw = phpParam(this.query, name);
    if (raw === undefined) return undefined;
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      const terms = this.integerItems(name, raw);
      return terms && { terms, operator: 'IN', includeChildren: false };
    }
    const fields = raw as Record<string, string>;
    const known = ['terms', ...(allowed.includeChildren ? ['include_children'] : []), ...(allowed.operator ? ['operator'] : [])];
    const unknown = Object.keys(fields).find((key) => !known.includes(key));
    if (unknown !== undefined) {
      return this.fail(name, 'rest_additional_properties_forbidden', `${unknown} is not a valid property of Object.`, undefined);
    }
    const terms = fields.terms === undefined ? [] : this.integerItems(`${name}[terms]`, fields.terms);
    const operator = fields.operator ?? 'OR';
    if (operator !== 'AND' && operator !== 'OR') {
      return this.fail(name, 'rest_not_in_enum', `${name}[operator] is not one of ${choicesOf(['AND', 'OR'])}.`, undefined);
    }
    const children = (fields.include_children ?? 'false').toLowerCase();
    if (!['true', 'false', '1', '0'].includes(children)) {
      return this.fail(name, 'rest_invalid_type', `${name}[include_children] is not of type boolean.`, undefined);
    }
    return terms && { terms, operator: operator === 'AND' ? 'AND' : 'IN', includeChildren: children === 'true' || children === '1' };
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    if (!this.has(name)) return fallback;
    const raw = scalar(this.query[name]);
    if (raw !== undefined && (allowed as readonly string[]).includes(raw)) return raw as T;
    return this.fail(name, 'rest_not_in_enum', `${name} is not one of ${choicesOf(allowed)}.`, fallback);
  }

  list(name: string): string[] | undefined {
    if (!this.has(name)) return undefined;
    return listItems(phpParam(this.query, name)) ?? [];
  }

  /** Throws `rest_invalid_param` naming every parameter that failed. */
  done(): void {
    if (Object.keys(this.problems).length > 0) throw invalidParams(this.problems);
  }

  /** Records a failure a route's own check found (an enum of list items, …). */
  reject(name: string, code: string, message: string): void {
    this.fail(name, code, message, undefined);
  }

  /** A list of slugs every one of which must be `allowed` (sanitize_post_statuses, for anonymous readers). */
  allowedList(name: string, allowed: readonly string[], refusal: { code: string; message: string; status: number }): void {
    const items = this.list(name);
    if (items?.some((item) => !allowed.includes(item))) {
      this.fail(name, refusal.code, refusal.message, undefined, { status: refusal.status });
    }
  }

  private fail<T>(name: string, code: string, message: string, fallback: T, data?: Record<string, unknown>): T {
    this.problems[name] = { code, message, ...(data ? { data } : {}) };
    return fallback;
  }
}

/**
 * `_embed`: absent → nothing; bare, `1` or `true` → every embeddable link; otherwise a list of link relations
 * (`_embed=author,wp:featuredmedia`), as WordPress 5.4+ reads it.
 */
export function embedRels(query: Query): ((rel: string) => boolean) {
  if (query._embed === undefined) return () => false;
  const raw = scalar(query._embed) ?? '';
  if (raw === '' || raw === '1' || raw === 'true') return () => true;
  const rels = new Set(parseList(raw));
  return (rel) => rels.has(rel);
}

export interface Paging {
  perPage: number;
  page: number;
  order: 'asc' | 'desc';
}

/** `per_page` when none is given; also the size of a collection another answer embeds (its first page). */
export const DEFAULT_PER_PAGE = 10;

/** The paging parameters every WordPress collection takes. */
export function readPaging(params: ParamReader, defaultOrder: 'asc' | 'desc'): Paging {
  return {
    page: params.integer('page', { fallback: 1, min: 1 }),
    perPage: params.integer('per_page', { fallback: DEFAULT_PER_PAGE, min: 1, max: 100 }),
    order: params.oneOf('order', ['asc', 'desc'] as const, defaultOrder),
  };
}
