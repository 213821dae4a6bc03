/** Resolves with the next `name` event dispatched on `target`. */
export function nextEvent<T = unknown>(target: EventTarget, name: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) => target.addEventListener(name, (event) => resolve(event as CustomEvent<T>), { once: true }));
}

/**
 * Resolves in the first rendering update that lays out `elements`, while its layout is current: what the reader
 * first sees. A size read earlier, synchronously after insertion, may be a content-visibility: auto estimate,
 * since a browser decides what is near the viewport only in that update (before it notifies ResizeObservers).
 */
export function firstLayout(...elements: Element[]): Promise<void> {
  return new Promise((resolve) => {
    const observer = new ResizeObserver(() => {
      observer.disconnect();
      resolve();
    });
    for (const element of elements) observer.observe(element);
  });
}

/** The visible text of an element's shadow part, white space collapsed. */
export function partText(host: Element, part: string): string | undefined {
  const el = host.shadowRoot?.querySelector(`[part~="${part}"]`);
  return el ? (el.textContent ?? '').replace(/\s+/g, ' ').trim() : undefined;
}

export function part<T extends Element = HTMLElement>(host: Element, name: string): T | null {
  return host.shadowRoot?.querySelector<T>(`[part~="${name}"]`) ?? null;
}
