// Section 55 responses: the UI's pure logic (labels, answers, completeness
// sentences, the tracker's filters and sort). Rules and dates are the
// backend's (Section55Check, DeadlineRow, TrackerRow): nothing here
// recomputes a deadline or decides whether a response may be approved.

import type { ActionStatus } from "./bindings/ActionStatus";
import type { Addressee } from "./bindings/Addressee";
import type { Answer } from "./bindings/Answer";
import type { Finding } from "./bindings/Finding";
import type { FindingResponse } from "./bindings/FindingResponse";
import type { InspectionReport } from "./bindings/InspectionReport";
import type { Inspectorate } from "./bindings/Inspectorate";
import type { Rag } from "./bindings/Rag";
import type { ReportKind } from "./bindings/ReportKind";
import type { ReportProblem } from "./bindings/ReportProblem";
import type { ResponseStatus } from "./bindings/ResponseStatus";
import type { Section55Check } from "./bindings/Section55Check";
import type { TrackerRow } from "./bindings/TrackerRow";

// ---------------------------------------------------------------- labels

export const INSPECTORATE_LABELS: Record<Inspectorate, string> = {
  hmicfrs: "HMICFRS",
  hmic: "HMIC",
};

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  peel: "PEEL",
  force_specific: "Force-specific",
  national_thematic: "National or thematic",
  joint: "Joint inspection",
};

export const ADDRESSEE_LABELS: Record<Addressee, string> = {
  forces: "Chief constables (forces)",
  pccs: "Police and crime commissioners",
  national_body: "A national body",
  home_office: "Home Office",
  other: "Other",
};

/** The addressees that need a name ("NPCC", "College of Policing" …). */
export function addresseeNeedsName(addressee: Addressee): boolean {
  return addressee === "national_body" || addressee === "other";
}

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  complete: "Complete",
  no_action: "No action",
};

export const RESPONSE_STATUS_LABELS: Record<ResponseStatus, string> = {
  draft: "Draft",
  sent_to_chief_constable: "Sent to the Chief Constable",
  comments_received: "Comments received",
  approved: "Approved",
  sent: "Sent",
  published: "Published",
};

/** The response's statuses, in order. */
export const RESPONSE_STATUSES: ResponseStatus[] = [
  "draft",
  "sent_to_chief_constable",
  "comments_received",
  "approved",
  "sent",
  "published",
];

/** "Approved" and the statuses after it: these need every recommendation answered (or a recorded reason). */
export function needsApproval(status: ResponseStatus): boolean {
  return RESPONSE_STATUSES.indexOf(status) >= RESPONSE_STATUSES.indexOf("approved");
}

/**
 * The status to put back when the backend refuses a save under the approval
 * rule: the status last saved, unless that is itself at "approved" or beyond
 * (answers were removed after approval), then the last status before approval.
 */
export function statusAfterRefusal(lastSaved: ResponseStatus): ResponseStatus {
  return needsApproval(lastSaved) ? "comments_received" : lastSaved;
}

/** Whether to offer "Approve without every answer because…". */
export function showApprovalReason(check: Section55Check, reason: string | null): boolean {
  if ((reason ?? "").trim() !== "") return true;
  if (!check.completeness.approval.may_approve) return true;
  return check.regime.regime === "statutory56_days" && check.completeness.missing_recommendations.length > 0;
}

/** Never colour alone: each RAG rating in words. */
export const RAG_LABELS: Record<Rag, string> = {
  red: "Red: overdue",
  amber: "Amber: due within 30 days",
  green: "Green: complete",
  not_due: "Not yet due",
};

/** The response's three rich-text parts: the Commissioner's comments, the Chief Constable's, the reply to them. */
export type BodyKey = "commissioner" | "chief" | "reply";

/** A sentence from a backend message ("recommendation 2 has no answer" → "Recommendation 2 has no answer."). */
export function asSentence(message: string): string {
  const text = message.trim();
  if (!text) return "";
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

// ---------------------------------------------------------------- findings

/** The next unused finding id over recommendations and areas for improvement (ids are never reused). */
export function nextFindingId(report: Pick<InspectionReport, "recommendations" | "areas_for_improvement">): number {
  let max = 0;
  for (const f of [...report.recommendations, ...report.areas_for_improvement]) max = Math.max(max, f.id);
  return max + 1;
}

/**
 * The number a new finding gets: one more than the highest number in the
 * list, keeping its prefix ("R3" → "R4", "AFI 2" → "AFI 3"); "1", "2" … otherwise.
 */
export function nextFindingNumber(findings: Pick<Finding, "number">[]): string {
  let best: { prefix: string; value: number } | null = null;
  for (const f of findings) {
    const match = /^(.*?)(\d+)\s*$/.exec(f.number.trim());
    if (!match) continue;
    const value = Number(match[2]);
    if (!best || value > best.value) best = { prefix: match[1] ?? "", value };
  }
  if (!best) return String(findings.length + 1);
  return `${best.prefix}${best.value + 1}`;
}

export function newFinding(id: number, number: string): Finding {
  return { id, number, text: "", addressed_to: "forces", addressee_name: null };
}

/**
 * Keys for a keyed list of findings: the id, made unique if a damaged record
 * repeats one (the check reports it; the list must still render).
 */
export function findingKeys(findings: Pick<Finding, "id">[]): string[] {
  const seen = new Map<number, number>();
  return findings.map((f) => {
    const n = seen.get(f.id) ?? 0;
    seen.set(f.id, n + 1);
    return n === 0 ? String(f.id) : `${f.id}#${n}`;
  });
}

/** "HM Inspectorate of Prisons, CQC" → ["HM Inspectorate of Prisons", "CQC"]. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The messages of the problems at exactly this path (`recommendations[2].number`). */
export function problemsAt(problems: ReportProblem[], path: string): string[] {
  return problems.filter((p) => p.path === path).map((p) => p.message);
}

/** The messages of the problems inside `prefix` (e.g. `recommendations[2]`) not at one of `shown`. */
export function otherProblemsIn(problems: ReportProblem[], prefix: string, shown: string[]): string[] {
  return problems
    .filter((p) => p.path.startsWith(`${prefix}.`) && !shown.includes(p.path))
    .map((p) => p.message);
}

// ---------------------------------------------------------------- answers

export function emptyAnswer(finding: number): FindingResponse {
  return { finding, answer: null, owner: "", target_date: null, status: "not_started" };
}

/** The answer row for a finding, if the response has one. */
export function answerFor(answers: FindingResponse[], finding: number): FindingResponse | undefined {
  return answers.find((a) => a.finding === finding);
}

/** The answer row for a finding, added (empty) to `answers` when missing. */
export function ensureAnswer(answers: FindingResponse[], finding: number): FindingResponse {
  const found = answerFor(answers, finding);
  if (found) return found;
  answers.push(emptyAnswer(finding));
  return answers[answers.length - 1]!;
}

/** Adds an empty answer for every finding that has none (existing answers are kept as they are). */
export function ensureAnswers(answers: FindingResponse[], findings: Pick<Finding, "id">[]): void {
  for (const f of findings) ensureAnswer(answers, f.id);
}

/** The words of an answer, whichever kind it is. */
export function answerText(answer: Answer | null): string {
  if (!answer) return "";
  return answer.kind === "action" ? answer.text : answer.reason;
}

/** The answer with new words, of the same kind (an action if none was chosen yet). */
export function withAnswerText(answer: Answer | null, text: string): Answer {
  return answer?.kind === "no_action" ? { kind: "no_action", reason: text } : { kind: "action", text };
}

/**
 * Chooses the kind of answer, keeping the words typed, and moves the status
 * with it where it was still at its starting point: "no action" closes a
 * not-started row, and "action" reopens one closed as "no action".
 */
export function chooseAnswerKind(row: FindingResponse, kind: Answer["kind"]): void {
  const text = answerText(row.answer);
  row.answer = kind === "action" ? { kind: "action", text } : { kind: "no_action", reason: text };
  if (kind === "no_action" && row.status === "not_started") row.status = "no_action";
  else if (kind === "action" && row.status === "no_action") row.status = "not_started";
}

// ---------------------------------------------------------------- completeness

/** ["1", "2", "3"] → "1, 2 and 3". */
export function andList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * "Recommendation 2 has no answer", "Recommendations 1, 2 and 3 have no
 * answer", or "Every recommendation has an answer" (for areas: "Area for
 * improvement 2 has no answer" …).
 */
export function missingSentence(missing: string[], kind: "recommendation" | "area"): string {
  const [one, many] = kind === "recommendation" ? ["Recommendation", "Recommendations"] : ["Area for improvement", "Areas for improvement"];
  if (missing.length === 0) return `Every ${one.toLowerCase()} has an answer`;
  const numbers = missing.map((n) => (n.trim() === "" ? "(no number)" : n));
  return missing.length === 1 ? `${one} ${numbers[0]} has no answer` : `${many} ${andList(numbers)} have no answer`;
}

/** Days left before the last day, in words: "12 days left", "Last day today", "3 days past the last day". */
export function daysLeftText(days: number): string {
  if (days === 0) return "Last day today";
  const n = Math.abs(days);
  const unit = n === 1 ? "day" : "days";
  return days > 0 ? `${n} ${unit} left` : `${n} ${unit} past the last day`;
}

// ---------------------------------------------------------------- tracker

export interface TrackerFilter {
  /** A report id, or null for every report. */
  report: number | null;
  status: ActionStatus | null;
  rag: Rag | null;
  /** Words looked for in the report title, number, text, addressee and owner (case-insensitive). */
  text: string;
}

export const NO_FILTER: TrackerFilter = { report: null, status: null, rag: null, text: "" };

export function filterTrackerRows(rows: TrackerRow[], filter: TrackerFilter): TrackerRow[] {
  const words = filter.text.toLocaleLowerCase("en-GB").split(/\s+/).filter((w) => w.length > 0);
  return rows.filter((row) => {
    if (filter.report !== null && row.report_id !== filter.report) return false;
    if (filter.status !== null && row.status !== filter.status) return false;
    if (filter.rag !== null && row.rag !== filter.rag) return false;
    if (words.length === 0) return true;
    const haystack = [row.report_title, row.number, row.text, row.addressed_to, row.owner]
      .join("\n")
      .toLocaleLowerCase("en-GB");
    return words.every((w) => haystack.includes(w));
  });
}

export type TrackerSortKey = "report" | "number" | "text" | "addressed_to" | "owner" | "target_date" | "status" | "rag";

export interface TrackerSort {
  key: TrackerSortKey;
  descending: boolean;
}

const STATUS_ORDER: ActionStatus[] = ["not_started", "in_progress", "complete", "no_action"];
/** Most urgent first. */
const RAG_ORDER: Rag[] = ["red", "amber", "not_due", "green"];

const collator = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });

function compareBy(key: TrackerSortKey, a: TrackerRow, b: TrackerRow): number {
  switch (key) {
    case "report":
      return collator.compare(a.report_title, b.report_title) || a.report_id - b.report_id;
    case "number":
      return collator.compare(a.number, b.number);
    case "text":
      return collator.compare(a.text, b.text);
    case "addressed_to":
      return collator.compare(a.addressed_to, b.addressed_to);
    case "owner":
      return collator.compare(a.owner, b.owner);
    case "target_date":
      // ISO dates sort as text.
      return (a.target_date ?? "").localeCompare(b.target_date ?? "");
    case "status":
      return STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status);
    case "rag":
      return RAG_ORDER.indexOf(a.rag) - RAG_ORDER.indexOf(b.rag);
  }
}

/**
 * Sorted copy (stable: equal rows keep the backend's order). Empty owners and
 * missing target dates go last whichever way the column is sorted.
 */
export function sortTrackerRows(rows: TrackerRow[], sort: TrackerSort | null): TrackerRow[] {
  if (!sort) return rows.slice();
  const blank = (row: TrackerRow) =>
    (sort.key === "target_date" && row.target_date === null) || (sort.key === "owner" && row.owner.trim() === "");
  return rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      const bx = blank(x.row);
      const by = blank(y.row);
      if (bx !== by) return bx ? 1 : -1;
      const c = compareBy(sort.key, x.row, y.row);
      return (sort.descending ? -c : c) || x.index - y.index;
    })
    .map(({ row }) => row);
}

/** Clicking a column header: sort by it ascending, then descending, then back to the backend's order. */
export function nextSort(current: TrackerSort | null, key: TrackerSortKey): TrackerSort | null {
  if (!current || current.key !== key) return { key, descending: false };
  if (!current.descending) return { key, descending: true };
  return null;
}

export function ariaSort(current: TrackerSort | null, key: TrackerSortKey): "ascending" | "descending" | "none" {
  if (!current || current.key !== key) return "none";
  return current.descending ? "descending" : "ascending";
}

/** The reports named in the rows, once each, in the rows' order (for the filter). */
export function trackerReports(rows: TrackerRow[]): Array<{ id: number; title: string }> {
  const seen = new Map<number, string>();
  for (const row of rows) if (!seen.has(row.report_id)) seen.set(row.report_id, row.report_title);
  return [...seen].map(([id, title]) => ({ id, title }));
}
