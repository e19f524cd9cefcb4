import { afterEach, describe, expect, it, vi } from "vitest";

/** A stand-in IntersectionObserver whose entries the test delivers. */
class FakeObserver {
  static last: FakeObserver | null = null;
  observed = new Set<Element>();
  constructor(
    readonly callback: (entries: Partial<IntersectionObserverEntry>[]) => void,
    readonly options: IntersectionObserverInit,
  ) {
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  deliver(target: Element, isIntersecting: boolean, height: number) {
    this.callback([{ target, isIntersecting, boundingClientRect: { height } as DOMRectReadOnly }]);
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe("nearViewport", () => {
  it("shares one observer and reports nearness with the height seen", async () => {
    vi.stubGlobal("IntersectionObserver", FakeObserver);
    const { nearViewport, NEAR_MARGIN } = await import("./near-viewport");
    const a = document.createElement("div");
    const b = document.createElement("div");
    const seenA: Array<[boolean, number]> = [];
    const seenB: Array<[boolean, number]> = [];
    const actionA = nearViewport(a, (near, h) => seenA.push([near, h]));
    nearViewport(b, (near, h) => seenB.push([near, h]));
    const io = FakeObserver.last!;
    expect(io.options.rootMargin).toBe(NEAR_MARGIN);
    expect(io.observed.size).toBe(2);
    io.deliver(a, true, 0);
    io.deliver(a, false, 420);
    expect(seenA).toEqual([[true, 0], [false, 420]]);
    expect(seenB).toEqual([]);
    actionA.destroy?.();
    expect(io.observed.has(a)).toBe(false);
    io.deliver(a, true, 0);
    expect(seenA.length).toBe(2);
  });

  it("treats everything as near where there is no IntersectionObserver", async () => {
    vi.stubGlobal("IntersectionObserver", undefined);
    const { nearViewport } = await import("./near-viewport");
    const seen: boolean[] = [];
    nearViewport(document.createElement("div"), (near) => seen.push(near));
    expect(seen).toEqual([true]);
  });
});
