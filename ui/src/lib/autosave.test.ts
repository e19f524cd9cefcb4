import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosaver, type SaveState } from "./autosave";

describe("Autosaver", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("saves once, a quiet spell after the last change", async () => {
    const saved: string[] = [];
    const states: SaveState[] = [];
    const a = new Autosaver<string>({ save: async (v) => void saved.push(v), delayMs: 800, onState: (s) => states.push(s) });
    a.change("a");
    a.change("ab");
    await vi.advanceTimersByTimeAsync(500);
    a.change("abc");
    await vi.advanceTimersByTimeAsync(799);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(["abc"]);
    expect(states.at(-1)).toBe("saved");
  });

  it("flush stores what is pending at once", async () => {
    const saved: string[] = [];
    const a = new Autosaver<string>({ save: async (v) => void saved.push(v), delayMs: 10_000 });
    a.change("x");
    await a.flush();
    expect(saved).toEqual(["x"]);
    expect(a.hasUnsaved).toBe(false);
  });

  it("storeAll says whether everything is stored", async () => {
    let fail = true;
    const a = new Autosaver<string>({ save: async () => { if (fail) throw new Error("disk full"); }, delayMs: 10_000 });
    a.change("x");
    expect(await a.storeAll()).toBe(false);
    fail = false;
    expect(await a.storeAll()).toBe(true);
    expect(a.hasUnsaved).toBe(false);
  });

  it("a change during a save is saved after it, never lost", async () => {
    const saved: string[] = [];
    let release: () => void = () => {};
    const a = new Autosaver<string>({
      save: (v) => new Promise<void>((resolve) => { saved.push(v); release = resolve; }),
      delayMs: 100,
    });
    a.change("first");
    await vi.advanceTimersByTimeAsync(100);
    expect(saved).toEqual(["first"]);
    a.change("second");
    release();
    await vi.advanceTimersByTimeAsync(100);
    release();
    await a.flush();
    expect(saved).toEqual(["first", "second"]);
  });

  it("keeps the value after a failed save and retries on flush", async () => {
    let fail = true;
    const saved: string[] = [];
    const states: SaveState[] = [];
    const a = new Autosaver<string>({
      save: async (v) => {
        if (fail) throw new Error("disk full");
        saved.push(v);
      },
      delayMs: 10,
      onState: (s) => states.push(s),
    });
    a.change("keep me");
    await vi.advanceTimersByTimeAsync(10);
    expect(states.at(-1)).toBe("error");
    expect(a.hasUnsaved).toBe(true);
    fail = false;
    await a.flush();
    expect(saved).toEqual(["keep me"]);
  });
});
