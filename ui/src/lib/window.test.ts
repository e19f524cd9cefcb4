// The close request the shell passes on (src-tauri/src/closing.rs): the
// window closes only once every screen has stored its work.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const mocks = vi.hoisted(() => ({ backend: { closeWindow: vi.fn() } }));

vi.mock("./backend", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./backend")>();
  return { ...actual, backend: mocks.backend };
});

import { notices } from "./notices.svelte";
import { beforeWindowCloses, closeRequested, installCloseHook } from "./window";

const removals: (() => void)[] = [];

beforeEach(() => {
  mocks.backend.closeWindow.mockReset();
  mocks.backend.closeWindow.mockResolvedValue(undefined);
  notices.splice(0);
});

afterEach(() => {
  for (const remove of removals.splice(0)) remove();
});

describe("closing the window", () => {
  it("stores every screen's work first, then closes", async () => {
    const order: string[] = [];
    removals.push(beforeWindowCloses(async () => (order.push("stored"), true)));
    mocks.backend.closeWindow.mockImplementation(async () => void order.push("closed"));
    await closeRequested();
    expect(order).toEqual(["stored", "closed"]);
  });

  it("stays open, and says so, when something could not be stored", async () => {
    removals.push(beforeWindowCloses(async () => false));
    removals.push(beforeWindowCloses(async () => { throw new Error("disk full"); }));
    await closeRequested();
    expect(mocks.backend.closeWindow).not.toHaveBeenCalled();
    expect(notices.map((n) => n.kind)).toEqual(["error"]);
    expect(notices[0]?.text).toContain("Close it again");
  });

  it("forgets a screen that has gone", async () => {
    const store = vi.fn(async () => false);
    beforeWindowCloses(store)();
    await closeRequested();
    expect(store).not.toHaveBeenCalled();
    expect(mocks.backend.closeWindow).toHaveBeenCalledOnce();
  });

  it("installs the hook the shell calls", async () => {
    installCloseHook();
    (window as { __boardwrightCloseRequested?: () => void }).__boardwrightCloseRequested?.();
    await vi.waitFor(() => expect(mocks.backend.closeWindow).toHaveBeenCalledOnce());
  });
});
