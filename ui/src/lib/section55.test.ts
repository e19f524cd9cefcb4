import { describe, expect, it } from "vitest";
import type { FindingResponse } from "./bindings/FindingResponse";
import type { Section55Check } from "./bindings/Section55Check";
import {
  ACTION_STATUS_LABELS,
  andList,
  answerFor,
  answerText,
  ariaSort,
  chooseAnswerKind,
  daysLeftText,
  emptyAnswer,
  ensureAnswer,
  ensureAnswers,
  filterTrackerRows,
  findingKeys,
  missingSentence,
  needsApproval,
  newFinding,
  nextFindingId,
  nextFindingNumber,
  nextSort,
  NO_FILTER,
  otherProblemsIn,
  problemsAt,
  RAG_LABELS,
  RESPONSE_STATUS_LABELS,
  RESPONSE_STATUSES,
  showApprovalReason,
  sortTrackerRows,
  splitList,
  statusAfterRefusal,
  trackerReports,
  withAnswerText,
} from "./section55";
import { trackerRow } from "./__fixtures__/tracker-row";

const f = (id: number, number: string) => newFinding(id, number);

const row = trackerRow;

function check(over: { may_approve?: boolean; missing?: string[]; before2017?: boolean }): Section55Check {
  const missing = over.missing ?? [];
  return {
    regime: over.before2017 ? { regime: "before_may2017" } : { regime: "statutory56_days", last_day: "2027-01-25" },
    regime_explanation: "",
    deadline: null,
    completeness: {
      missing_recommendations: missing,
      missing_areas_for_improvement: [],
      approval: { missing, may_approve: over.may_approve ?? true, reason: null },
    },
    problems: [],
  };
}

describe("labels", () => {
  it("names every status and RAG rating in words (never colour alone)", () => {
    expect(RESPONSE_STATUS_LABELS.sent_to_chief_constable).toBe("Sent to the Chief Constable");
    expect(RESPONSE_STATUSES.map((s) => RESPONSE_STATUS_LABELS[s])).toEqual([
      "Draft", "Sent to the Chief Constable", "Comments received", "Approved", "Sent", "Published",
    ]);
    expect(ACTION_STATUS_LABELS.no_action).toBe("No action");
    expect(RAG_LABELS).toEqual({
      red: "Red: overdue",
      amber: "Amber: due within 30 days",
      green: "Green: complete",
      not_due: "Not yet due",
    });
  });

  it("knows which statuses need approval", () => {
    expect(RESPONSE_STATUSES.filter(needsApproval)).toEqual(["approved", "sent", "published"]);
  });
});

describe("the approval rule in the UI", () => {
  it("puts the status back to the last saved one, or to before approval", () => {
    expect(statusAfterRefusal("comments_received")).toBe("comments_received");
    expect(statusAfterRefusal("draft")).toBe("draft");
    expect(statusAfterRefusal("approved")).toBe("comments_received");
    expect(statusAfterRefusal("published")).toBe("comments_received");
  });

  it("offers the reason while approval is refused, while answers are missing, or once one is recorded", () => {
    expect(showApprovalReason(check({ may_approve: false, missing: ["2"] }), null)).toBe(true);
    // Recorded: may_approve turns true, and the field must not vanish under the cursor.
    expect(showApprovalReason(check({ may_approve: true, missing: ["2"] }), "Joint response")).toBe(true);
    expect(showApprovalReason(check({ may_approve: true, missing: ["2"] }), null)).toBe(true);
    expect(showApprovalReason(check({ may_approve: true }), null)).toBe(false);
    expect(showApprovalReason(check({ may_approve: true }), "  ")).toBe(false);
    expect(showApprovalReason(check({ may_approve: true, missing: ["1"], before2017: true }), null)).toBe(false);
  });
});

describe("findings", () => {
  it("gives the next id over recommendations and areas together", () => {
    expect(nextFindingId({ recommendations: [], areas_for_improvement: [] })).toBe(1);
    expect(nextFindingId({ recommendations: [f(1, "1"), f(2, "2")], areas_for_improvement: [f(7, "AFI 1")] })).toBe(8);
    expect(nextFindingId({ recommendations: [f(9, "1")], areas_for_improvement: [f(3, "1")] })).toBe(10);
  });

  it("numbers a new finding after the highest, keeping the report's prefix", () => {
    expect(nextFindingNumber([])).toBe("1");
    expect(nextFindingNumber([f(1, "1"), f(2, "2")])).toBe("3");
    expect(nextFindingNumber([f(1, "2"), f(2, "10"), f(3, "3")])).toBe("11");
    expect(nextFindingNumber([f(1, "R1"), f(2, "R2")])).toBe("R3");
    expect(nextFindingNumber([f(1, "AFI 2")])).toBe("AFI 3");
    expect(nextFindingNumber([f(1, "a"), f(2, "")])).toBe("3");
  });

  it("keys findings by id, unique even when a damaged record repeats one", () => {
    expect(findingKeys([f(1, "1"), f(3, "2")])).toEqual(["1", "3"]);
    expect(findingKeys([f(1, "1"), f(1, "2"), f(1, "3")])).toEqual(["1", "1#1", "1#2"]);
  });

  it("splits comma-separated lists", () => {
    expect(splitList(" HM Inspectorate of Prisons,  CQC ,, ")).toEqual(["HM Inspectorate of Prisons", "CQC"]);
    expect(splitList("")).toEqual([]);
  });

  it("finds the problems of a field by its path", () => {
    const problems = [
      { path: "recommendations[2].number", message: "this number is used twice" },
      { path: "recommendations[2].id", message: "two findings share an id" },
      { path: "recommendations[12].number", message: "give the number the report uses" },
    ];
    expect(problemsAt(problems, "recommendations[2].number")).toEqual(["this number is used twice"]);
    expect(problemsAt(problems, "recommendations[1].number")).toEqual([]);
    expect(otherProblemsIn(problems, "recommendations[2]", ["recommendations[2].number"])).toEqual([
      "two findings share an id",
    ]);
  });
});

describe("answers", () => {
  it("looks answers up by finding id and creates a missing one once", () => {
    const answers: FindingResponse[] = [{ ...emptyAnswer(4), owner: "ACC Crime" }];
    expect(answerFor(answers, 4)?.owner).toBe("ACC Crime");
    expect(answerFor(answers, 5)).toBeUndefined();
    const made = ensureAnswer(answers, 5);
    expect(made).toEqual({ finding: 5, answer: null, owner: "", target_date: null, status: "not_started" });
    expect(ensureAnswer(answers, 5)).toBe(made);
    ensureAnswers(answers, [f(4, "1"), f(6, "2")]);
    expect(answers.map((a) => a.finding)).toEqual([4, 5, 6]);
    expect(answers[0]!.owner).toBe("ACC Crime");
  });

  it("keeps the words when the kind of answer changes, and moves an untouched status with it", () => {
    const a = emptyAnswer(1);
    expect(answerText(a.answer)).toBe("");
    a.answer = withAnswerText(a.answer, "A new model from April 2027.");
    expect(a.answer).toEqual({ kind: "action", text: "A new model from April 2027." });
    chooseAnswerKind(a, "no_action");
    expect(a.answer).toEqual({ kind: "no_action", reason: "A new model from April 2027." });
    expect(a.status).toBe("no_action");
    a.answer = withAnswerText(a.answer, "The Home Office owns this.");
    expect(a.answer).toEqual({ kind: "no_action", reason: "The Home Office owns this." });
    chooseAnswerKind(a, "action");
    expect(a.answer).toEqual({ kind: "action", text: "The Home Office owns this." });
    expect(a.status).toBe("not_started");
    a.status = "in_progress";
    chooseAnswerKind(a, "no_action");
    expect(a.status).toBe("in_progress");
  });
});

describe("completeness sentences", () => {
  it("lists with commas and 'and'", () => {
    expect(andList([])).toBe("");
    expect(andList(["1"])).toBe("1");
    expect(andList(["1", "2"])).toBe("1 and 2");
    expect(andList(["1", "2", "3"])).toBe("1, 2 and 3");
  });

  it("says which recommendations have no answer", () => {
    expect(missingSentence([], "recommendation")).toBe("Every recommendation has an answer");
    expect(missingSentence(["2"], "recommendation")).toBe("Recommendation 2 has no answer");
    expect(missingSentence(["1", "2", "3"], "recommendation")).toBe("Recommendations 1, 2 and 3 have no answer");
    expect(missingSentence(["R1", ""], "recommendation")).toBe("Recommendations R1 and (no number) have no answer");
  });

  it("and which areas for improvement", () => {
    expect(missingSentence([], "area")).toBe("Every area for improvement has an answer");
    expect(missingSentence(["2"], "area")).toBe("Area for improvement 2 has no answer");
    expect(missingSentence(["1", "4"], "area")).toBe("Areas for improvement 1 and 4 have no answer");
  });

  it("writes days left out", () => {
    expect(daysLeftText(55)).toBe("55 days left");
    expect(daysLeftText(1)).toBe("1 day left");
    expect(daysLeftText(0)).toBe("Last day today");
    expect(daysLeftText(-1)).toBe("1 day past the last day");
    expect(daysLeftText(-9)).toBe("9 days past the last day");
  });
});

describe("tracker rows", () => {
  const rows = [
    row({ report_id: 2, report_title: "Custody", finding: 1, number: "10", owner: "", target_date: "2027-03-01", status: "in_progress", rag: "amber" }),
    row({ report_id: 2, report_title: "Custody", finding: 2, number: "2", owner: "Supt Lee", target_date: null, status: "not_started", rag: "not_due" }),
    row({ report_id: 1, report_title: "PEEL 2025", finding: 3, number: "1", owner: "ACC Crime", target_date: "2026-11-01", status: "not_started", rag: "red", text: "Vetting backlog." }),
    row({ report_id: 1, report_title: "PEEL 2025", finding: 4, number: "AFI 1", owner: "ACC Ops", target_date: "2026-12-01", status: "complete", rag: "green", is_recommendation: false }),
  ];

  it("filters by report, status, RAG and words", () => {
    expect(filterTrackerRows(rows, NO_FILTER)).toEqual(rows);
    expect(filterTrackerRows(rows, { ...NO_FILTER, report: 1 }).map((r) => r.finding)).toEqual([3, 4]);
    expect(filterTrackerRows(rows, { ...NO_FILTER, status: "not_started" }).map((r) => r.finding)).toEqual([2, 3]);
    expect(filterTrackerRows(rows, { ...NO_FILTER, rag: "red" }).map((r) => r.finding)).toEqual([3]);
    expect(filterTrackerRows(rows, { ...NO_FILTER, text: "VETTING" }).map((r) => r.finding)).toEqual([3]);
    expect(filterTrackerRows(rows, { ...NO_FILTER, text: "acc peel" }).map((r) => r.finding)).toEqual([3, 4]);
    expect(filterTrackerRows(rows, { ...NO_FILTER, text: "acc custody" })).toEqual([]);
    expect(filterTrackerRows(rows, { report: 2, status: "in_progress", rag: "amber", text: "" }).map((r) => r.finding)).toEqual([1]);
  });

  it("sorts numbers naturally, RAG by urgency and statuses in order, without changing the rows", () => {
    const by = (key: Parameters<typeof nextSort>[1], descending = false) =>
      sortTrackerRows(rows, { key, descending }).map((r) => r.finding);
    expect(by("number")).toEqual([3, 2, 1, 4]);
    expect(by("number", true)).toEqual([4, 1, 2, 3]);
    expect(by("rag")).toEqual([3, 1, 2, 4]);
    expect(by("status")).toEqual([2, 3, 1, 4]);
    expect(by("report")).toEqual([1, 2, 3, 4]);
    expect(sortTrackerRows(rows, null)).toEqual(rows);
    expect(sortTrackerRows(rows, { key: "rag", descending: false })[0]).toBe(rows[2]);
  });

  it("puts missing target dates and owners last both ways", () => {
    expect(sortTrackerRows(rows, { key: "target_date", descending: false }).map((r) => r.finding)).toEqual([3, 4, 1, 2]);
    expect(sortTrackerRows(rows, { key: "target_date", descending: true }).map((r) => r.finding)).toEqual([1, 4, 3, 2]);
    expect(sortTrackerRows(rows, { key: "owner", descending: false }).map((r) => r.finding)).toEqual([3, 4, 2, 1]);
    expect(sortTrackerRows(rows, { key: "owner", descending: true }).map((r) => r.finding)).toEqual([2, 4, 3, 1]);
  });

  it("cycles a column header through ascending, descending and unsorted", () => {
    const first = nextSort(null, "owner");
    expect(first).toEqual({ key: "owner", descending: false });
    expect(ariaSort(first, "owner")).toBe("ascending");
    expect(ariaSort(first, "rag")).toBe("none");
    const second = nextSort(first, "owner");
    expect(ariaSort(second, "owner")).toBe("descending");
    expect(nextSort(second, "owner")).toBeNull();
    expect(nextSort(second, "rag")).toEqual({ key: "rag", descending: false });
  });

  it("lists each report once for the filter", () => {
    expect(trackerReports(rows)).toEqual([
      { id: 2, title: "Custody" },
      { id: 1, title: "PEEL 2025" },
    ]);
  });
});
