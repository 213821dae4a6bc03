/** Resolves with the next `name` event dispatched on `target`. */
export function nextEvent<T = unknown>(target: EventTarget, name: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) => target.addEventListener(name, (event) => resolve(event as CustomEvent<T>), { once: true }));
}

/** The visible text of an element's shadow part, white space collapsed. */
export function partText(host: Element, part: string): string | undefined {
  const el = host.shadowRoot?.querySelector(`[part~="${part}"]`);
  return el ? (el.textContent ?? '').replace(/\s+/g, ' ').trim() : undefined;
}

export function part<T extends Element = HTMLElement>(host: Element, name: string): T | null {
  return host.shadowRoot?.querySelector<T>(`[part~="${name}"]`) ?? null;
}
