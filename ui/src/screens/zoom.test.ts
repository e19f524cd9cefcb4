// Zoom shortcuts on the whole window, in jsdom with the backend mocked:
// quick presses each take a step, and the level is shown.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, unmount } from "svelte";

const mocks = vi.hoisted(() => ({
  backend: { listPapers: vi.fn(), listBoards: vi.fn(), listTemplates: vi.fn(), getZoom: vi.fn(), setZoom: vi.fn() },
}));

vi.mock("../lib/backend", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../lib/backend")>();
  return { ...actual, backend: mocks.backend };
});

import { BackendError } from "../lib/backend";
import { notices } from "../lib/notices.svelte";
import App from "../App.svelte";

let target: HTMLElement;
let component: ReturnType<typeof mount> | null = null;

const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
  flushSync();
};
const press = (key: string) => window.dispatchEvent(new KeyboardEvent("keydown", { key, ctrlKey: true, cancelable: true }));

beforeEach(() => {
  target = document.createElement("div");
  document.body.append(target);
  mocks.backend.listPapers.mockResolvedValue({ papers: [], total: 0 });
  mocks.backend.listBoards.mockResolvedValue([]);
  mocks.backend.listTemplates.mockResolvedValue([]);
  mocks.backend.getZoom.mockResolvedValue(1.5);
  mocks.backend.setZoom.mockImplementation(async (factor: number) => factor);
});

afterEach(() => {
  if (component) unmount(component);
  component = null;
  target.remove();
  notices.splice(0);
  vi.clearAllMocks();
});

describe("zoom shortcuts", () => {
  it("step from the kept zoom, one press at a time, and show the level", async () => {
    component = mount(App, { target });
    await settle();
    press("=");
    press("=");
    press("-");
    await settle();
    expect(mocks.backend.getZoom).toHaveBeenCalledTimes(1);
    expect(mocks.backend.setZoom.mock.calls.map(([factor]) => factor)).toEqual([1.75, 2, 1.75]);
    expect(target.querySelector(".zoom-level")?.textContent).toBe("Zoom 175%");
    press("0");
    await settle();
    expect(mocks.backend.setZoom).toHaveBeenLastCalledWith(1);
    expect(target.querySelector(".zoom-level")?.textContent).toBe("Zoom 100%");
  });

  it("reports a zoom the backend refuses", async () => {
    mocks.backend.setZoom.mockRejectedValue(new BackendError("invalid_settings", "a zoom of 9 is outside 0.5–3"));
    component = mount(App, { target });
    await settle();
    press("=");
    await settle();
    expect(notices.map((n) => n.text)).toEqual(["Could not zoom: a zoom of 9 is outside 0.5–3"]);
  });
});
