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

/** WordPress's `wp_parse_list`: items separated by commas and/or white space. */
export function parseList(raw: string): string[] {
  return raw.split(/[\s,]+/).filter(Boolean);
}

export class ParamReader {
  private readonly problems: Record<string, ParamProblem> = {};

  constructor(private readonly query: Query) {}

  has(name: string): boolean {
    return this.query[name] !== undefined;
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
    const items = parseList(scalar(this.query[name]) ?? '');
    if (items.some((item) => !/^\d+$/.test(item))) {
      return this.fail(name, 'rest_invalid_type', `${name}[0] is not of type integer.`, undefined);
    }
    return items.map(Number).filter(Number.isSafeInteger);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    if (!this.has(name)) return fallback;
    const raw = scalar(this.query[name]);
    if (raw !== undefined && (allowed as readonly string[]).includes(raw)) return raw as T;
    const choices = allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')} and ${allowed.at(-1)}` : allowed[0];
    return this.fail(name, 'rest_not_in_enum', `${name} is not one of ${choices}.`, fallback);
  }

  list(name: string): string[] | undefined {
    if (!this.has(name)) return undefined;
    return parseList(scalar(this.query[name]) ?? '');
  }

  /** A string parameter (`search`), the last of repeated ones. */
  string(name: string): string | undefined {
    return scalar(this.query[name]);
  }

  /**
   * A `date-time` parameter as `rest_parse_date` reads it (RFC 3339, the zone optional: then the site's, UTC here),
   * as a zone-less UTC string; anything else is `rest_invalid_date`.
   */
  dateTime(name: string): string | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const match = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|z|[+-]\d{2}(?::\d{2})?)?$/.exec(raw);
    const zone = match?.[4] === undefined || /z/i.test(match[4]) ? 'Z' : match[4].length === 3 ? `${match[4]}:00` : match[4];
    const time = match ? Date.parse(`${match[1]}T${match[2]}${match[3] ?? ''}${zone}`) : NaN;
    if (Number.isNaN(time)) return this.fail(name, 'rest_invalid_date', 'Invalid date.', undefined);
    return new Date(time).toISOString().slice(0, 19);
  }

  /** Throws `rest_invalid_param` naming every parameter that failed. */
  done(): void {
    if (Object.keys(this.problems).length > 0) throw invalidParams(this.problems);
  }

  private fail<T>(name: string, code: string, message: string, fallback: T): T {
    this.problems[name] = { code, message };
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

/** The paging parameters every WordPress collection takes. */
export function readPaging(params: ParamReader, defaultOrder: 'asc' | 'desc'): Paging {
  return {
    page: params.integer('page', { fallback: 1, min: 1 }),
    perPage: params.integer('per_page', { fallback: 10, min: 1, max: 100 }),
    order: params.oneOf('order', ['asc', 'desc'] as const, defaultOrder),
  };
}
