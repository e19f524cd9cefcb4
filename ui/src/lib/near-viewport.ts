// A Svelte action: tells an element when it comes within reach of the
// viewport and when it leaves. One IntersectionObserver serves every element,
// so a 50-section paper costs one observer, not fifty.

/** `height` is the element's height when the change was seen (what a placeholder should keep). */
export type NearViewportCallback = (near: boolean, height: number) => void;

/** How far beyond the viewport an element counts as near (a few screens: scrolling never shows an empty body). */
export const NEAR_MARGIN = "2000px 0px";

const callbacks = new WeakMap<Element, NearViewportCallback>();
let observer: IntersectionObserver | null = null;

function shared(): IntersectionObserver | null {
  if (observer) return observer;
  if (typeof IntersectionObserver === "undefined") return null;
  observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) callbacks.get(entry.target)?.(entry.isIntersecting, entry.boundingClientRect.height);
    },
    { rootMargin: NEAR_MARGIN },
  );
  return observer;
}

export function nearViewport(node: Element, callback: NearViewportCallback) {
  const io = shared();
  if (!io) {
    // No observer (an old engine, or a test environment): treat everything as near.
    callback(true, 0);
    return {};
  }
  callbacks.set(node, callback);
  io.observe(node);
  return {
    update(next: NearViewportCallback) {
      callbacks.set(node, next);
    },
    destroy() {
      io.unobserve(node);
      callbacks.delete(node);
    },
  };
}
