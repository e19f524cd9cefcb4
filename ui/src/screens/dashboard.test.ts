// The Section 55 dashboard and the tracker in jsdom, the backend mocked.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import type { DeadlineRow } from "../lib/bindings/DeadlineRow";

const mocks = vi.hoisted(() => ({
  backend: {
    section55Overview: vi.fn(),
    createReport: vi.fn(),
    deleteReport: vi.fn(),
    restoreReport: vi.fn(),
    listTracker: vi.fn(),
    exportTracker: vi.fn(),
  },
}));

vi.mock("../lib/backend", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../lib/backend")>();
  return { ...actual, backend: mocks.backend };
});

import { notices } from "../lib/notices.svelte";
import Inspections from "./Inspections.svelte";
import Tracker from "./Tracker.svelte";
import { trackerRow } from "../lib/__fixtures__/tracker-row";

let target: HTMLElement;
let component: ReturnType<typeof mount> | null = null;

const $$ = (selector: string) => Array.from(target.querySelectorAll<HTMLElement>(selector));
const button = (text: string) => {
  // The sort arrows are aria-hidden: not part of a header button's name.
  const found = $$("button").find((b) => b.textContent?.replace(/[▲▼]/g, "").trim() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
};

function deadline(over: Partial<DeadlineRow>): DeadlineRow {
  return {
    report_id: 1,
    title: "PEEL 2025",
    published: "2026-12-01",
    last_day: "2027-01-25",
    days_left: 40,
    overdue: false,
    due_soon: false,
    status: "draft",
    unanswered: 2,
    ...over,
  };
}

const tracker = trackerRow;

beforeEach(() => {
  for (const f of Object.values(mocks.backend)) f.mockReset();
  notices.splice(0);
});

afterEach(() => {
  if (component) unmount(component);
  component = null;
  target?.remove();
});

describe("the inspections dashboard", () => {
  const open = vi.fn();
  const rows = [
    deadline({ report_id: 1, title: "Custody", last_day: "2027-01-02", days_left: -3, overdue: true }),
    deadline({ report_id: 2, title: "PEEL 2025", days_left: 9, due_soon: true, unanswered: 0 }),
    deadline({ report_id: 3, title: "Old report", published: "2016-02-25", last_day: null, days_left: null }),
  ];

  async function show() {
    target = document.body.appendChild(document.createElement("div"));
    component = mount(Inspections, { target, props: { open } });
    await vi.waitFor(() => expect($$("table.deadlines tbody tr")).toHaveLength(3));
  }

  it("flags overdue and due-soon rows from the backend's flags, in words", async () => {
    mocks.backend.section55Overview.mockResolvedValue({ open: rows, reports: rows });
    await show();
    const [overdue, soon, old] = $$("table.deadlines tbody tr");
    expect(overdue!.classList.contains("overdue")).toBe(true);
    expect(overdue!.textContent).toContain("Overdue");
    expect(overdue!.textContent).toContain("2 January 2027");
    expect(soon!.classList.contains("due-soon")).toBe(true);
    expect(soon!.textContent).toContain("Due within 14 days");
    expect(old!.className).toBe("");
    expect(old!.textContent).toContain("No time limit (before 2 May 2017)");
    expect(old!.textContent).toContain("25 February 2016");
    button("PEEL 2025").click();
    expect(open).toHaveBeenCalledWith(2);
  });

  it("creates a report and opens it", async () => {
    mocks.backend.section55Overview.mockResolvedValue({ open: rows, reports: rows });
    mocks.backend.createReport.mockResolvedValue(9);
    await show();
    button("New inspection report").click();
    await vi.waitFor(() => expect(open).toHaveBeenCalledWith(9));
    expect(mocks.backend.createReport).toHaveBeenCalledWith("");
  });

  it("deletes a report with an Undo that restores it", async () => {
    mocks.backend.section55Overview.mockResolvedValue({ open: rows, reports: rows });
    mocks.backend.deleteReport.mockResolvedValue(undefined);
    mocks.backend.restoreReport.mockResolvedValue(undefined);
    await show();
    const remove = $$("table.reports button").find((b) => b.getAttribute("aria-label") === "Delete Custody")!;
    remove.click();
    await vi.waitFor(() => expect(notices.at(-1)?.text).toBe('Moved "Custody" to the bin.'));
    expect(mocks.backend.deleteReport).toHaveBeenCalledWith(1);
    await notices.at(-1)!.action!.run();
    expect(mocks.backend.restoreReport).toHaveBeenCalledWith(1);
  });

  it("says so when the backend fails, instead of a blank screen", async () => {
    mocks.backend.section55Overview.mockRejectedValue(new Error("database is locked"));
    target = document.body.appendChild(document.createElement("div"));
    component = mount(Inspections, { target, props: { open } });
    await vi.waitFor(() => expect(target.textContent).toContain("could not be listed"));
    expect(notices.at(-1)?.text).toBe("Could not list the inspection reports: database is locked");
  });
});

describe("the tracker", () => {
  const rows = [
    tracker({ report_id: 2, report_title: "Custody", finding: 1, number: "10", rag: "amber", target_date: "2027-02-01", status: "in_progress" }),
    tracker({ report_id: 2, report_title: "Custody", finding: 2, number: "2", rag: "red", target_date: "2026-11-01" }),
    tracker({ report_id: 1, finding: 3, number: "1", rag: "green", status: "complete", owner: "ACC Ops" }),
  ];

  async function show() {
    mocks.backend.listTracker.mockResolvedValue(rows);
    target = document.body.appendChild(document.createElement("div"));
    component = mount(Tracker, { target, props: { openReport: vi.fn() } });
    await vi.waitFor(() => expect($$("table.tracker tbody tr")).toHaveLength(3));
  }

  const numbers = () => $$("table.tracker tbody td.number").map((td) => td.textContent);

  it("shows RAG in words as well as colour", async () => {
    await show();
    const rag = $$("table.tracker tbody td.rag").map((td) => td.textContent);
    expect(rag).toEqual(["Amber: due within 30 days", "Red: overdue", "Green: complete"]);
    expect(target.textContent).toContain("1 February 2027");
  });

  it("sorts by a column header (aria-sort follows) and exports the rows as shown", async () => {
    mocks.backend.exportTracker.mockResolvedValue({ path: "/tmp/tracker.csv" });
    await show();
    button("Number").click();
    flushSync();
    expect(numbers()).toEqual(["1", "2", "10"]);
    const th = button("Number").closest("th")!;
    expect(th.getAttribute("aria-sort")).toBe("ascending");
    button("Number").click();
    flushSync();
    expect(th.getAttribute("aria-sort")).toBe("descending");
    expect(numbers()).toEqual(["10", "2", "1"]);

    const report = target.querySelector<HTMLSelectElement>("#tracker-report")!;
    report.value = "2";
    report.dispatchEvent(new Event("change", { bubbles: true }));
    flushSync();
    expect(numbers()).toEqual(["10", "2"]);

    button("Export as CSV").click();
    await vi.waitFor(() => expect(target.querySelector("[data-testid=exported-tracker] code")?.textContent).toBe("/tmp/tracker.csv"));
    const [sent, format, path] = mocks.backend.exportTracker.mock.calls[0]!;
    expect(format).toBe("csv");
    expect(path).toBeNull();
    expect(sent).toEqual([rows[0], rows[1]]);
  });

  it("filters by words and RAG", async () => {
    await show();
    const words = target.querySelector<HTMLInputElement>("#tracker-text")!;
    words.value = "acc";
    words.dispatchEvent(new Event("input", { bubbles: true }));
    flushSync();
    expect(numbers()).toEqual(["1"]);
    words.value = "";
    words.dispatchEvent(new Event("input", { bubbles: true }));
    const rag = target.querySelector<HTMLSelectElement>("#tracker-rag")!;
    rag.value = "red";
    rag.dispatchEvent(new Event("change", { bubbles: true }));
    flushSync();
    expect(numbers()).toEqual(["2"]);
  });
});
