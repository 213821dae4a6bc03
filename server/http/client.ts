/**
 * Who the client is. Behind a proxy the socket's peer is the proxy; `TRUST_PROXY` says which peers may tell the
 * client's address (`X-Forwarded-For`), which Fastify then reports as `request.ips`. The rate limit counts by
 * `rateLimitKey`: an address, or for IPv6 its /64, the block one subscriber gets and can draw addresses from freely.
 */
import type { FastifyRequest } from 'fastify';
import { isIP } from 'node:net';
import type { TrustProxy } from '../config.js';

/** Fastify's `trustProxy` for the setting: a hop count trusts the nearest `n` peers, whatever their addresses. */
export function trustProxyOption(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}

/**
 * The client's address: the farthest one the trusted proxies vouch for. An entry that is not an address (a client
 * may write anything into `X-Forwarded-For` before the first proxy) ends the chain there.
 */
export function clientAddress(request: FastifyRequest): string {
  const chain = request.ips ?? [request.ip];
  let address = chain[0] ?? '';
  for (let hop = 1; hop < chain.length && isIP(chain[hop]) !== 0; hop++) address = chain[hop];
  return address;
}

/** An IPv6 address as its eight 16-bit groups (`::` expanded, a trailing dotted IPv4 part as two groups). */
function ipv6Groups(address: string): number[] {
  const parse = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [parseInt(group, 16)];
          const [a, b, c, d] = group.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const [head, tail] = address.split('::');
  const start = parse(head);
  const end = tail === undefined ? [] : parse(tail);
  return [...start, ...new Array<number>(8 - start.length - end.length).fill(0), ...end];
}

/** IPv4 (also IPv4-mapped IPv6, as a dual-stack socket reports it) per address; IPv6 per /64. */
export function rateLimitKey(address: string): string {
  const plain = address.split('%')[0];
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  if (mapped) return mapped[1];
  if (isIP(plain) !== 6) return plain;
  return `${ipv6Groups(plain)
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}
