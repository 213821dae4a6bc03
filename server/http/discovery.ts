/**
 * How a WordPress client finds the API from any page of the site (`rest_output_link_header`,
 * `rest_output_link_wp_head`): every HTML response carries `Link: <…/wp-json/>; rel="https://api.w.org/"`, a page
 * rendered here also the same `<link>` in its head, and a page showing one post the `alternate` link to its JSON
 * and, in its head, the two to its oEmbed answers (`wp_oembed_add_discovery_links`).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { html } from '../html.js';
import { REST_PREFIX } from '../wp/routes.js';
import { apiRoot } from './wp-response.js';

declare module 'fastify' {
  interface FastifyReply {
    /** The REST route of what the page shows (`rest_get_queried_resource_route`), `''` for none. */
    restResource: string;
    /** The permalink of the post the page shows, which its oEmbed discovery links name; `''` for none. */
    oembedPermalink: string;
  }
}

/** `get_oembed_endpoint_url`: the endpoint for `permalink`, JSON unless `xml` is asked for. */
export function oembedEndpoint(site: string, permalink: string, format: 'json' | 'xml' = 'json'): string {
  const url = new URL(`${site}${REST_PREFIX}/oembed/1.0/embed`);
  url.searchParams.set('url', permalink);
  if (format === 'xml') url.searchParams.set('format', 'xml');
  return url.href;
}

/** Marks the page being answered as showing `route` (`/wp/v2/posts/1`). */
export function showsResource(reply: FastifyReply, route: string): void {
  reply.restResource = route;
}

/** Marks the page being answered as one post's (`is_singular`), embeddable by its `permalink`. */
export function showsPost(reply: FastifyReply, id: number, permalink: string): void {
  showsResource(reply, `/wp/v2/posts/${id}`);
  reply.oembedPermalink = permalink;
}

export function registerDiscovery(app: FastifyInstance): void {
  app.decorateReply('restResource', '');
  app.decorateReply('oembedPermalink', '');

  app.addHook('onSend', (request, reply, payload, done) => {
    const type = reply.getHeader('content-type');
    if (typeof type !== 'string' || !type.startsWith('text/html')) {
      done(null, payload);
      return;
    }
    const root = apiRoot(request.site);
    const resource = reply.restResource === '' ? undefined : `${request.site}${REST_PREFIX}${reply.restResource}`;
    const links = [`<${root}>; rel="https://api.w.org/"`];
    if (resource) links.push(`<${resource}>; rel="alternate"; title="JSON"; type="application/json"`);
    reply.header('Link', links.join(', '));
    if (typeof payload !== 'string') {
      // A file from disk (a demo page): the header is what discovery reads.
      done(null, payload);
      return;
    }
    const permalink = reply.oembedPermalink;
    const tags = html`  <link rel="https://api.w.org/" href="${root}">${resource ? html`
  <link rel="alternate" title="JSON" type="application/json" href="${resource}">` : ''}${permalink ? html`
  <link rel="alternate" type="application/json+oembed" href="${oembedEndpoint(request.site, permalink)}">
  <link rel="alternate" type="text/xml+oembed" href="${oembedEndpoint(request.site, permalink, 'xml')}">` : ''}
</head>`.value;
    const head = payload.indexOf('</head>');
    done(null, head === -1 ? payload : `${payload.slice(0, head)}${tags}${payload.slice(head + '</head>'.length)}`);
  });
}
