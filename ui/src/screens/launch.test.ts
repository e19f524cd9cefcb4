// The first screen at launch, in jsdom with the backend mocked: the first
// page the shell hands over is shown without waiting for IPC, then asked for
// again; and a database that cannot be opened replaces the window with its message.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import type { LaunchData } from "../lib/bindings/LaunchData";

const mocks = vi.hoisted(() => ({
  backend: { listPapers: vi.fn(), listBoards: vi.fn(), listTemplates: vi.fn() },
}));

vi.mock("../lib/backend", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../lib/backend")>();
  return { ...actual, backend: mocks.backend };
});

import { BackendError } from "../lib/backend";
import { FIRST_QUERY, resetLaunchData } from "../lib/launch";
import { database, notices } from "../lib/notices.svelte";
import App from "../App.svelte";

let target: HTMLElement;
let component: ReturnType<typeof mount> | null = null;
const launchWindow = window as { __BOARDWRIGHT_LAUNCH__?: LaunchData };

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
  flushSync();
};
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
const titles = () => [...target.querySelectorAll("table.papers tbody tr td:first-child")].map((td) => td.textContent?.trim());

const summary = (id: number, title: string) => ({
  id, title, board: "Police and Crime Panel", date: "2026-11-30", status: "draft" as const,
  updated_at: "2026-11-30T10:00:00.000Z", deleted_at: null,
});
const template = { id: "hmicfrs-inspection", name: "HMICFRS inspection", description: "" };

beforeEach(() => {
  target = document.createElement("div");
  document.body.append(target);
  resetLaunchData();
  mocks.backend.listBoards.mockResolvedValue(["Police and Crime Panel"]);
  mocks.backend.listTemplates.mockResolvedValue([template]);
});

afterEach(() => {
  if (component) unmount(component);
  component = null;
  target.remove();
  notices.splice(0);
  database.unavailable = null;
  delete launchWindow.__BOARDWRIGHT_LAUNCH__;
  vi.clearAllMocks();
});

describe("launch", () => {
  it("shows the shell's first page before any call, then asks again", async () => {
    launchWindow.__BOARDWRIGHT_LAUNCH__ = {
      query: FIRST_QUERY,
      papers: { papers: [summary(1, "Estates strategy"), summary(2, "Custody review")], total: 250 },
      boards: ["Police and Crime Panel"],
      templates: [template],
    };
    mocks.backend.listPapers.mockResolvedValue({ papers: [summary(3, "Written since"), summary(1, "Estates strategy")], total: 251 });
    component = mount(App, { target });
    flushSync();
    expect(titles()).toEqual(["Estates strategy", "Custody review"]);
    expect(target.querySelector(".show-all")?.textContent).toBe("Show all 250 papers");
    expect(mocks.backend.listPapers).not.toHaveBeenCalled();
    expect(mocks.backend.listTemplates).not.toHaveBeenCalled();

    await nextFrame();
    await settle();
    expect(mocks.backend.listPapers).toHaveBeenCalledTimes(1);
    expect(mocks.backend.listPapers).toHaveBeenCalledWith(FIRST_QUERY);
    expect(titles()).toEqual(["Written since", "Estates strategy"]);
    expect(target.querySelector(".show-all")?.textContent).toBe("Show all 251 papers");
  });

  it("asks over IPC when the first page answers another query", async () => {
    launchWindow.__BOARDWRIGHT_LAUNCH__ = {
      query: { ...FIRST_QUERY, limit: 20 },
      papers: { papers: [summary(1, "Stale")], total: 1 },
      boards: [],
      templates: [],
    };
    mocks.backend.listPapers.mockResolvedValue({ papers: [summary(2, "Fresh")], total: 1 });
    component = mount(App, { target });
    await settle();
    expect(titles()).toEqual(["Fresh"]);
    expect(target.querySelector(".show-all")).toBeNull();
  });

  it("lists every paper after Show all", async () => {
    mocks.backend.listPapers.mockResolvedValue({ papers: [summary(1, "One")], total: 2 });
    component = mount(App, { target });
    await settle();
    mocks.backend.listPapers.mockResolvedValue({ papers: [summary(1, "One"), summary(2, "Two")], total: 2 });
    target.querySelector<HTMLButtonElement>(".show-all")?.click();
    await settle();
    expect(mocks.backend.listPapers).toHaveBeenLastCalledWith({ ...FIRST_QUERY, limit: null });
    expect(titles()).toEqual(["One", "Two"]);
    expect(target.querySelector(".show-all")).toBeNull();
  });

  it("replaces the window with the reason when the database cannot be opened", async () => {
    mocks.backend.listPapers.mockRejectedValue(new BackendError("database_unavailable", "/home/officer/boardwright.sqlite is not a Boardwright database"));
    component = mount(App, { target });
    await settle();
    const alert = target.querySelector("section.fatal[role=alert]");
    expect(alert?.textContent).toContain("Boardwright cannot open its database");
    expect(alert?.textContent).toContain("/home/officer/boardwright.sqlite is not a Boardwright database");
    expect(target.querySelector("table.papers")).toBeNull();
    expect(notices).toHaveLength(0);
  });

  it("reports other failures as a notice and keeps the window", async () => {
    mocks.backend.listPapers.mockRejectedValue(new BackendError("internal", "the disk is full"));
    component = mount(App, { target });
    await settle();
    expect(target.querySelector("section.fatal")).toBeNull();
    expect(notices.map((n) => n.text)).toEqual(["Could not list the papers: the disk is full"]);
  });
});
