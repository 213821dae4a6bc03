/**
 * `Authorization: Basic` on every REST route: the signed-in account as `request.account`, or an error answer. A
 * request without the header passes at once (one property read), so readers and commenters pay nothing for it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { isIP } from 'node:net';
import { basicCredentials, type Authenticator } from '../auth/sign-in.js';
import type { Account } from '../store/accounts.js';
import { WpError } from '../wp/errors.js';
import { REST_PREFIX } from '../wp/routes.js';
import { clientAddress } from './client.js';
import { addRouteHook } from './route-hooks.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who signed in with this request, `null` for an anonymous one. */
    account: Account | null;
  }
}

const isLoopback = (address: string) => {
  const plain = address.replace(/^::ffff:/i, '');
  return isIP(plain) === 4 ? plain.startsWith('127.') : plain === '::1';
};

/**
 * Whether a password may travel on this request: over HTTPS (as a trusted proxy reports it through
 * `X-Forwarded-Proto`, which Fastify reads only from the peers `TRUST_PROXY` names), or from this machine.
 */
export const secureEnough = (request: FastifyRequest) => request.protocol === 'https' || isLoopback(clientAddress(request));

export function registerAuth(app: FastifyInstance, authenticator: Authenticator): void {
  app.decorateRequest('account', null);

  const signIn = async (request: FastifyRequest, reply: FastifyReply, header: string): Promise<void> => {
    const credentials = basicCredentials(header);
    if (!credentials) return;
    if (!secureEnough(request)) {
      throw new WpError('application_passwords_disabled', 'Application passwords are accepted only over HTTPS.', 401);
    }
    try {
      request.account = await authenticator.authenticate(credentials.login, credentials.password, clientAddress(request));
    } catch (error) {
      const retryAfter = error instanceof WpError ? error.extra.retryAfter : undefined;
      if (typeof retryAfter === 'number') reply.header('Retry-After', String(retryAfter));
      throw error;
    }
  };
  // A callback hook, not an async one: a request without the header goes on at once, with no promise made for it.
  const hook: onRequestHookHandler = (request, reply, done) => {
    const header = request.headers.authorization;
    if (header === undefined) return done();
    signIn(request, reply, header).then(() => done(), done);
  };

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith(REST_PREFIX)) addRouteHook(route, 'onRequest', hook);
  });
}
