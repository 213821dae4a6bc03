/**
 * API discovery as WordPress serves it: the index at `/wp-json/` (`WP_REST_Server::get_index`), the namespace
 * index at `/wp-json/wp/v2` (`get_namespace_index`) and `OPTIONS` on every route (`rest_handle_options_request`),
 * all read from the one route table. Only routes some handler serves are listed, so the index never names a 404.
 */
import type { FastifyInstance } from 'fastify';
import { noRoute } from '../wp/errors.js';
import { apiRoot } from '../http/wp-response.js';
import { describedRoute, fastifyPath, routeData, ROUTES, type RouteDescription } from '../wp/routes.js';
import { siteOf } from './responses.js';

/** The demo site's name, as its pages' titles carry it (`get_bloginfo( 'name' )`). */
export const SITE_NAME = 'الخبر اليوم';

/**
 * Registers the index routes and `OPTIONS`, and starts noting which described routes get a `GET` handler: call it
 * before the other route modules.
 */
export function discoveryRoutes(app: FastifyInstance): void {
  const served = new Set<RouteDescription>();
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const description = describedRoute(route.url);
    if (description && methods.includes('GET')) served.add(description);
  });

  const routesData = (descriptions: readonly RouteDescription[], site: string) =>
    Object.fromEntries(descriptions.filter((description) => served.has(description)).map((description) => [description.route, routeData(description, site, false)]));
  /** The namespaces of served routes, in the order they were registered (`WP_REST_Server::get_namespaces`). */
  const namespaces = () => [...new Set(ROUTES.filter((description) => served.has(description) && description.namespace !== '').map((description) => description.namespace))];

  app.get(fastifyPath('/'), async (request) => {
    const site = siteOf(request);
    return {
      name: SITE_NAME,
      description: '',
      url: site,
      home: site,
      // The site's clock is UTC; WordPress sends these options as stored, as strings.
      gmt_offset: '0',
      timezone_string: '',
      page_for_posts: 0,
      page_on_front: 0,
      show_on_front: 'posts',
      namespaces: namespaces(),
      // An empty PHP array: `[]` in WordPress's JSON (application passwords would add a key; the server has none).
      authentication: [],
      routes: routesData(ROUTES, site),
      // `add_site_logo_to_index`, `add_site_icon_to_index`: no logo or icon attachment.
      site_logo: 0,
      site_icon: 0,
      site_icon_url: '',
      _links: { help: [{ href: 'https://developer.wordpress.org/rest-api/' }] },
    };
  });

  for (const namespace of ['oembed/1.0', 'wp/v2']) {
    app.get(fastifyPath(`/${namespace}`), async (request) => {
      const site = siteOf(request);
      return {
        namespace,
        routes: routesData(
          ROUTES.filter((description) => description.namespace === namespace),
          site,
        ),
        _links: { up: [{ href: apiRoot(site) }] },
      };
    });
  }

  for (const description of ROUTES) {
    app.options(fastifyPath(description.route), async (request) => {
      if (!served.has(description)) throw noRoute();
      return routeData(description, siteOf(request), true);
    });
  }
}
