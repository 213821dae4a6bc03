/**
 * The oEmbed provider (`WP_oEmbed_Controller`): `GET /wp-json/oembed/1.0/embed?url=…&maxwidth=…&format=json|xml`
 * for our article URLs, and the embed page its iframe shows (`/articles/<slug>/embed/`), which any site may frame.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { allowFraming } from '../http/security.js';
import { renderEmbedPage } from '../pages/embed-page.js';
import { SEED_POST_ID } from '../store/seed.js';
import type { PostStore } from '../store/posts.js';
import { noRoute, WpError } from '../wp/errors.js';
import { absint, DEFAULT_WIDTH, embedTarget, oembedData, oembedXml } from '../wp/oembed.js';
import { ParamReader, textParam, type Query } from '../wp/params.js';
import { fastifyPath } from '../wp/routes.js';
import { SITE_NAME } from './discovery.js';
import { siteOf } from './responses.js';

/** `get_status_header_desc( 404 )`, the message of `oembed_invalid_url`. */
const invalidUrl = () => new WpError('oembed_invalid_url', 'Not Found', 404);

/** WP_REST_Request::has_valid_params' first check: a required parameter that is not there at all. */
const missingParam = (name: string) => new WpError('rest_missing_callback_param', `Missing parameter(s): ${name}`, 400, { params: [name] });

/** `_oembed_rest_pre_serve_request`: `format=xml` answers, errors included, as SimpleXML's document. */
function sendXml(reply: FastifyReply, status: number, data: Readonly<Record<string, unknown>>): string {
  reply.code(status).type('text/xml; charset=UTF-8');
  return oembedXml(data);
}

export function oembedRoutes(app: FastifyInstance, posts: PostStore): void {
  app.get(fastifyPath('/oembed/1.0/embed'), async (request, reply) => {
    const query = request.query as Query;
    // wp_oembed_ensure_format: anything but `xml` is JSON.
    const xml = textParam(query, 'format') === 'xml';
    try {
      const params = new ParamReader(query);
      if (!params.has('url')) throw missingParam('url');
      const url = params.string('url') ?? '';
      params.done();
      const site = siteOf(request);
      const target = embedTarget(url, site);
      const post = target && (await ('front' in target ? posts.get(SEED_POST_ID) : posts.bySlug(target.slug)));
      if (!post) throw invalidUrl();
      // maxwidth's sanitize_callback is absint, with no type: `abc` is 0, so the smallest frame, never an error.
      const maxwidth = params.has('maxwidth') ? absint(textParam(query, 'maxwidth')) : DEFAULT_WIDTH;
      // Kept by the REST cache like any read, so one URL repeats its secret until the database changes: harmless, as
      // a host matches a message to its frame by `event.source` as well, and WordPress puts in a secret of its own.
      const data = oembedData(post, site, SITE_NAME, maxwidth);
      return xml ? sendXml(reply, 200, data) : data;
    } catch (error) {
      if (xml && error instanceof WpError) return sendXml(reply, error.status, error.toJSON());
      throw error;
    }
  });

  app.get('/articles/:slug/embed', async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const post = await posts.bySlug(slug);
    if (!post) throw noRoute();
    allowFraming(reply);
    reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache');
    return renderEmbedPage(post, siteOf(request), SITE_NAME);
  });
}
