/**
 * The parameters of a REST request as WordPress collects them (WP_REST_Request::get_parameter_order): a JSON body
 * first, then the fields PHP parsed into `$_POST` (url-encoded and multipart bodies only), then the query string.
 * A body of any other type (text/plain, XML, none at all) adds nothing: WordPress never refuses one, it reads the
 * query string, so `POST /wp-json/wp/v2/comments?post=1&content=…` with no body is a whole request.
 */

/** `wp_is_json_media_type`: `application/json`, any `application/…+json`, and oEmbed's `json+oembed`. */
export const JSON_MEDIA_TYPE = /^application\/(?:[\w!#$&^.+-]+\+)?json(?:\+oembed)?(?:\s*;|\s*$)/i;

export type Params = Record<string, unknown>;

/** PHP keeps the last of repeated fields (`?post=1&post=2` → 2), in the query string and a form body alike. */
function lastOfEach(entries: Iterable<[string, unknown]>): Params {
  const params: Params = {};
  for (const [name, value] of entries) params[name] = Array.isArray(value) ? value.at(-1) : value;
  return params;
}

/** An `application/x-www-form-urlencoded` body, as PHP fills `$_POST` from it. */
export const formParams = (body: string): Params => lastOfEach(new URLSearchParams(body));

/**
 * A `multipart/form-data` body's text fields, as PHP fills `$_POST` (files go to `$_FILES`, which no comment
 * parameter reads). A body that does not parse gives PHP an empty `$_POST`, not an error: so here.
 */
export async function multipartParams(body: Buffer, contentType: string): Promise<Params> {
  try {
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
    const params: Params = {};
    form.forEach((value, name) => {
      if (typeof value === 'string') params[name] = value;
    });
    return params;
  } catch {
    return {};
  }
}

/**
 * The parameters a route reads: the body's over the query string's. A JSON array or scalar has no named
 * parameters (PHP's `isset( $json['post'] )` fails on it), so then only the query string counts.
 */
export function requestParams(query: unknown, body: unknown): Params {
  const fromQuery = typeof query === 'object' && query !== null ? lastOfEach(Object.entries(query)) : {};
  const fromBody = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Params) : {};
  return { ...fromQuery, ...fromBody };
}
