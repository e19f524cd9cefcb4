// The report screen in jsdom with the backend mocked: what it sends on autosave,
// what it shows from the check, and the approval rule's refusal.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import type { ReportView } from "../lib/bindings/ReportView";
import type { Section55Check } from "../lib/bindings/Section55Check";

const mocks = vi.hoisted(() => ({
  backend: {
    getReport: vi.fn(),
    saveReport: vi.fn(),
    exportSection55: vi.fn(),
    createPaperFromReport: vi.fn(),
    openExported: vi.fn(),
    revealExported: vi.fn(),
    listReportRevisions: vi.fn(),
    enableSpelling: vi.fn(),
    restoreReportRevision: vi.fn(),
    setWindowTitle: vi.fn(),
  },
}));

vi.mock("../lib/backend", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../lib/backend")>();
  return { ...actual, backend: mocks.backend };
});

// jsdom has no ResizeObserver (bind:offsetHeight uses one); nothing here needs sizes.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

import { BackendError } from "../lib/backend";
import { notices } from "../lib/notices.svelte";
import Report from "./Report.svelte";

function check(missing: string[], mayApprove = missing.length === 0): Section55Check {
  return {
    regime: { regime: "statutory56_days", last_day: "2027-01-25" },
    regime_explanation: "Published on 1 December 2026, on or after 2 May 2017: section 55 as amended applies.",
    deadline: { last_day: "2027-01-25", days_left: 12, overdue: false },
    completeness: {
      missing_recommendations: missing,
      missing_areas_for_improvement: [],
      approval: {
        missing,
        may_approve: mayApprove,
        reason: mayApprove ? null : `recommendation${missing.length === 1 ? "" : "s"} ${missing.join(", ")} no answer`,
      },
    },
    problems: [{ path: "recommendations[1].number", message: "this number is used twice" }],
  };
}

function view(): ReportView {
  const np = (text: string) => ({ type: "numbered_paragraph" as const, content: [{ type: "paragraph" as const, content: [{ type: "text" as const, text }] }] });
  return {
    stored: {
      id: 7,
      report: {
        title: "PEEL 2025",
        inspectorate: "hmicfrs",
        joint_with: [],
        published: "2026-12-01",
        url: null,
        kind: "peel",
        forces: ["Northshire Police"],
        recommendations: [
          { id: 1, number: "1", text: "Improve call handling.", addressed_to: "forces", addressee_name: null },
          { id: 2, number: "2", text: "Clear the vetting backlog.", addressed_to: "forces", addressee_name: null },
        ],
        areas_for_improvement: [{ id: 5, number: "AFI 1", text: "Supervision of investigations.", addressed_to: "forces", addressee_name: null }],
      },
      response: {
        commissioner_comments: [np("I welcome the report.")],
        chief_constable: { invited_on: "2026-12-02", requested_by: null, received_on: null, comments: [np("The force accepts it.")] },
        response_to_chief_constable: [],
        // Only the first recommendation has an answer row: the screen adds the others.
        answers: [{ finding: 1, answer: { kind: "action", text: "A new model from April 2027." }, owner: "ACC Ops", target_date: "2027-04-01", status: "in_progress" }],
        include_areas_for_improvement: false,
        progress: {
          status: "comments_received",
          sent_to_chief_constable_on: null,
          approved_on: null,
          approved_without_answers_because: null,
          sent_to_home_secretary_on: null,
          sent_to_hmicfrs_on: null,
          published_on: null,
          published_url: null,
        },
        sign_off: { name: "", title: "", date: null },
      },
      papers: [{ id: 3, title: "PEEL 2025: board paper", in_bin: false }],
      created_at: "2026-12-01T09:00:00Z",
      updated_at: "2026-12-01T09:00:00Z",
      deleted_at: null,
    },
    check: check(["2"]),
  };
}

let target: HTMLElement;
let component: ReturnType<typeof mount> | null = null;
const openPaper = vi.fn();

const reopen = vi.fn();

async function open() {
  target = document.body.appendChild(document.createElement("div"));
  component = mount(Report, { target, props: { id: 7, registerFlush: () => {}, openPaper, back: () => {}, reopen } });
  await vi.waitFor(() => expect(target.querySelector("#report-title")).not.toBeNull());
}

const $ = <T extends Element = HTMLElement>(selector: string) => {
  const found = target.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found as unknown as T;
};
const $$ = (selector: string) => Array.from(target.querySelectorAll<HTMLElement>(selector));

function type(selector: string, value: string, index = 0) {
  const el = $$(selector)[index] as HTMLInputElement | HTMLTextAreaElement | undefined;
  if (!el) throw new Error(`nothing matches ${selector}`);
  el.value = value;
  el.dispatchEvent(new Event("input", { bubbles: true }));
  flushSync();
}

function choose(selector: string, value: string) {
  const el = $<HTMLSelectElement>(selector);
  el.value = value;
  el.dispatchEvent(new Event("change", { bubbles: true }));
  flushSync();
}

beforeEach(() => {
  for (const f of Object.values(mocks.backend)) f.mockReset();
  notices.splice(0);
  mocks.backend.getReport.mockResolvedValue(view());
  mocks.backend.enableSpelling.mockResolvedValue(undefined);
  mocks.backend.setWindowTitle.mockResolvedValue(undefined);
});

afterEach(() => {
  if (component) unmount(component);
  component = null;
  target?.remove();
});

describe("the report screen", () => {
  it("lists earlier versions when asked and restores one, then opens the report afresh", async () => {
    mocks.backend.listReportRevisions.mockResolvedValue([
      { id: 41, report_id: 7, title: "PEEL 2025 (draft)", status: "draft", saved_at: "2026-12-01T09:00:00.000Z" },
    ]);
    mocks.backend.restoreReportRevision.mockResolvedValue(undefined);
    reopen.mockReset();
    await open();
    expect(mocks.backend.listReportRevisions).not.toHaveBeenCalled();
    const details = $<HTMLDetailsElement>("details.report-revisions");
    details.open = true;
    details.dispatchEvent(new Event("toggle"));
    await vi.waitFor(() => expect($$("[data-testid=report-revisions] li")).toHaveLength(1));
    expect($("[data-testid=report-revisions] li").textContent).toContain("PEEL 2025 (draft) (Draft)");
    $<HTMLButtonElement>("[data-testid=report-revisions] li button").click();
    await vi.waitFor(() => expect(reopen).toHaveBeenCalledTimes(1));
    expect(mocks.backend.restoreReportRevision).toHaveBeenCalledWith(7, 41);
  });

  it("names the report in the window's title, and nothing once it is left", async () => {
    await open();
    await vi.waitFor(() => expect(mocks.backend.setWindowTitle).toHaveBeenLastCalledWith("PEEL 2025"));
    unmount(component!);
    component = null;
    expect(mocks.backend.setWindowTitle).toHaveBeenLastCalledWith(null);
  });

  it("shows the report, an answer row for every recommendation, and the check", async () => {
    await open();
    expect(mocks.backend.enableSpelling).toHaveBeenCalledTimes(1);
    expect($<HTMLInputElement>("#report-title").value).toBe("PEEL 2025");
    expect($$("ol.recommendations > li")).toHaveLength(2);
    expect($$("ol.areas > li")).toHaveLength(1);
    expect($$("ol.answers > li")).toHaveLength(2);
    expect($$("ol.answers > li")[1]!.textContent).toContain("Clear the vetting backlog.");
    expect($<HTMLTextAreaElement>("ol.answers > li textarea.answer-text").value).toBe("A new model from April 2027.");
    expect($<HTMLInputElement>("ol.answers > li input[type=radio][value=action]").checked).toBe(true);
    expect($("[data-testid=completeness]").textContent).toContain("Recommendation 2 has no answer");
    expect($("[data-testid=deadline]").textContent).toContain("25 January 2027");
    expect($("[data-testid=deadline]").textContent).toContain("12 days left");
    expect($("[data-testid=regime-explanation]").textContent).toContain("section 55 as amended");
    expect($("ol.recommendations > li:nth-child(2) .field-problem").textContent).toBe("This number is used twice.");
    for (const id of ["#commissioner-comments", "#chief-constable-comments", "#response-to-chief-constable"]) {
      expect($(`${id} .ProseMirror`)).not.toBeNull();
      expect($(`${id} .ProseMirror`).classList.contains("bw-unnumbered")).toBe(true);
    }
    expect($("#commissioner-comments .ProseMirror").textContent).toBe("I welcome the report.");
    const approved = $<HTMLOptionElement>("#response-status option[value=approved]");
    expect(approved.disabled).toBe(true);
    expect($<HTMLOptionElement>("#response-status option[value=comments_received]").disabled).toBe(false);
    expect($("#approval-reason")).not.toBeNull();
    expect($$("ol.area-answers")).toHaveLength(0);
  });

  it("autosaves the whole report and response, bodies included, and shows the new check", async () => {
    mocks.backend.saveReport.mockResolvedValue({ updated_at: new Date().toISOString(), check: check([]) });
    await open();
    type("#report-title", "PEEL 2025: Northshire");
    type("ol.answers textarea.answer-text", "The vetting unit doubles in 2027.", 1);
    expect($("[data-testid=save-state]").textContent).toContain("Unsaved changes");
    await vi.waitFor(() => expect(mocks.backend.saveReport).toHaveBeenCalledTimes(1), { timeout: 2000 });
    const [id, report, response] = mocks.backend.saveReport.mock.calls[0]!;
    expect(id).toBe(7);
    expect(report.title).toBe("PEEL 2025: Northshire");
    expect(report.recommendations).toHaveLength(2);
    expect(response.commissioner_comments[0].content[0].content[0].text).toBe("I welcome the report.");
    expect(response.chief_constable.comments[0].content[0].content[0].text).toBe("The force accepts it.");
    expect(response.chief_constable.invited_on).toBe("2026-12-02");
    expect(response.answers.find((a: { finding: number }) => a.finding === 2)).toEqual({
      finding: 2,
      answer: { kind: "action", text: "The vetting unit doubles in 2027." },
      owner: "",
      target_date: null,
      status: "not_started",
    });
    await vi.waitFor(() => expect($("[data-testid=save-state]").textContent).toMatch(/^\s*Saved /));
    expect($("[data-testid=completeness]").textContent).toContain("Every recommendation has an answer");
    expect($<HTMLOptionElement>("#response-status option[value=approved]").disabled).toBe(false);
  });

  it("adds a recommendation with the next id over both lists, the next number and an answer row", async () => {
    mocks.backend.saveReport.mockResolvedValue({ updated_at: new Date().toISOString(), check: check(["2", "3"]) });
    await open();
    const add = $$("button").find((b) => b.textContent === "Add recommendation")!;
    add.click();
    flushSync();
    expect($$("ol.recommendations > li")).toHaveLength(3);
    expect(($$("ol.recommendations input.finding-number")[2] as HTMLInputElement).value).toBe("3");
    expect($$("ol.answers > li")).toHaveLength(3);
    await vi.waitFor(() => expect(mocks.backend.saveReport).toHaveBeenCalled(), { timeout: 2000 });
    const [, report, response] = mocks.backend.saveReport.mock.calls[0]!;
    expect(report.recommendations[2].id).toBe(6);
    expect(response.answers.map((a: { finding: number }) => a.finding)).toContain(6);
  });

  it("removes a recommendation with an Undo that brings it back with its answer, and reorders", async () => {
    mocks.backend.saveReport.mockResolvedValue({ updated_at: new Date().toISOString(), check: check(["2"]) });
    await open();
    $$("button").find((b) => b.getAttribute("aria-label") === "Remove recommendation 1")!.click();
    flushSync();
    expect($$("ol.recommendations > li")).toHaveLength(1);
    expect($$("ol.answers > li")).toHaveLength(1);
    const notice = notices.at(-1)!;
    expect(notice.text).toBe("Removed recommendation 1.");
    await notice.action!.run();
    flushSync();
    const numbers = () => $$("ol.recommendations input.finding-number").map((i) => (i as HTMLInputElement).value);
    expect(numbers()).toEqual(["1", "2"]);
    expect($<HTMLTextAreaElement>("ol.answers > li textarea.answer-text").value).toBe("A new model from April 2027.");
    $$("button").find((b) => b.getAttribute("aria-label") === "Move recommendation 1 down")!.click();
    flushSync();
    expect(numbers()).toEqual(["2", "1"]);
    expect($$("ol.answers > li h4").map((h) => h.textContent)).toEqual(["Recommendation 2", "Recommendation 1"]);
    await vi.waitFor(() => expect(mocks.backend.saveReport).toHaveBeenCalled(), { timeout: 2000 });
    expect(mocks.backend.saveReport.mock.lastCall![1].recommendations.map((f: { id: number }) => f.id)).toEqual([2, 1]);
  });

  it("shows the areas' answers when they are included", async () => {
    await open();
    const box = $<HTMLInputElement>("#include-areas");
    box.click();
    flushSync();
    expect($$("ol.area-answers > li")).toHaveLength(1);
    expect($("ol.area-answers > li").textContent).toContain("Supervision of investigations.");
  });

  it("puts a refused status back, says why, and saves everything else", async () => {
    mocks.backend.saveReport
      .mockRejectedValueOnce(new BackendError("section55_rule", "the response cannot be marked approved: recommendation 2 has no answer"))
      .mockResolvedValue({ updated_at: new Date().toISOString(), check: check(["2"]) });
    const loaded = view();
    // The check on opening allowed approval (a stale check): the backend still refuses.
    loaded.check = check(["2"], true);
    mocks.backend.getReport.mockResolvedValue(loaded);
    await open();
    choose("#response-status", "approved");
    type("#sign-off-name", "Alex Jones");
    await vi.waitFor(() => expect(mocks.backend.saveReport).toHaveBeenCalledTimes(2), { timeout: 2000 });
    expect(mocks.backend.saveReport.mock.calls[0]![2].progress.status).toBe("approved");
    const [, , retried] = mocks.backend.saveReport.mock.calls[1]!;
    expect(retried.progress.status).toBe("comments_received");
    expect(retried.sign_off.name).toBe("Alex Jones");
    await vi.waitFor(() => expect($<HTMLSelectElement>("#response-status").value).toBe("comments_received"));
    expect($(".rule-message").textContent).toContain("recommendation 2 has no answer");
    await vi.waitFor(() => expect($("[data-testid=save-state]").textContent).toMatch(/^\s*Saved /));
  });

  it("flushes before exporting and shows the path", async () => {
    mocks.backend.saveReport.mockResolvedValue({ updated_at: new Date().toISOString(), check: check(["2"]) });
    mocks.backend.exportSection55.mockResolvedValue({ path: "/tmp/PEEL response.docx" });
    await open();
    type("#report-title", "PEEL 2025 (final)");
    $$("button").find((b) => b.textContent?.trim() === "Export response")!.click();
    await vi.waitFor(() => expect($("[data-testid=exported-response] code").textContent).toBe("/tmp/PEEL response.docx"));
    expect(mocks.backend.saveReport).toHaveBeenCalledTimes(1);
    expect(mocks.backend.saveReport.mock.invocationCallOrder[0]!).toBeLessThan(
      mocks.backend.exportSection55.mock.invocationCallOrder[0]!,
    );
    expect(mocks.backend.exportSection55).toHaveBeenCalledWith(7, "response", null);
  });
});
