/** How far outside the viewport an element starts loading what it shows. */
const MARGIN = '400px';

/**
 * Calls `onNear` once, when `element` comes within 400 px of the viewport — asynchronously either way, after
 * the element's first update; where the browser has no IntersectionObserver, on the next task. Returns a
 * function that stops waiting.
 */
export function whenNearViewport(element: Element, onNear: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    const timer = setTimeout(onNear);
    return () => clearTimeout(timer);
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      onNear();
    },
    { rootMargin: MARGIN },
  );
  observer.observe(element);
  return () => observer.disconnect();
}
