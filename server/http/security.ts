/**
 * Headers for every response. The demo loads nothing from third parties, so the policy can be strict:
 * scripts and styles only from this origin (no inline script or style anywhere: the elements style themselves
 * through constructable style sheets, so the demo also proves they work under a strict policy), images from
 * here or `data:`. Pages may be framed by this site only, but for the embed page (`allowFraming`), which exists to
 * be framed anywhere, as WordPress's embed template is (it sends no `X-Frame-Options`).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';

const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

export const CONTENT_SECURITY_POLICY = [...POLICY, "frame-ancestors 'self'"].join('; ');

/** The same four headers on every response, built once. */
const SECURITY_HEADERS = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'SAMEORIGIN',
});

/** The embed page's: any page may frame it, so no `X-Frame-Options` (it has no value for "anyone"). */
const FRAMABLE_HEADERS = Object.freeze({
  'Content-Security-Policy': [...POLICY, 'frame-ancestors *'].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
});

declare module 'fastify' {
  interface FastifyReply {
    /** Whether any site may frame the page being answered. */
    framable: boolean;
  }
}

/** Lets any site frame the page being answered (the embed page). */
export function allowFraming(reply: FastifyReply): void {
  reply.framable = true;
}

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.decorateReply('framable', false);
  // A callback hook, not an async one: no promise per response for four constant headers.
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.headers(reply.framable ? FRAMABLE_HEADERS : SECURITY_HEADERS);
    done(null, payload);
  });
}
