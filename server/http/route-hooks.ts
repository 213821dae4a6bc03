/** Hooks added to one route from an `onRoute` hook, so that only the routes that need them pay for them. */
import type { RouteOptions } from 'fastify';

type HookName = 'onRequest' | 'preSerialization' | 'onSend';
/** One hook of that kind: the option takes one function or a list of them. */
type HookOf<Name extends HookName> = Extract<NonNullable<RouteOptions[Name]>, (...args: never[]) => unknown>;

/** Appends `hook` to the route's own `name` hooks, after those it already has. */
export function addRouteHook<Name extends HookName>(route: RouteOptions, name: Name, hook: HookOf<Name>): void {
  const existing: unknown = route[name];
  const hooks = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
  (route as Record<Name, unknown>)[name] = [...hooks, hook];
}
