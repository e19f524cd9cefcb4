// Display formats: British dates written out, statuses, search snippets.

import type { PaperStatus } from "./bindings/PaperStatus";

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

const pad2 = (n: number) => String(n).padStart(2, "0");

/** "2016-02-25" → "25 February 2016" (as the Word export writes it); "" for anything else. */
export function writtenOut(isoDate: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate ?? "");
  if (!match) return "";
  const [, year, month, day] = match;
  const name = MONTHS[Number(month) - 1];
  return name ? `${Number(day)} ${name} ${year}` : "";
}

/** Today in the local time zone, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

/**
 * "14:05" today, "3 Mar, 14:05" this year, else "3 Mar 2025" (local time).
 * Written by hand, not with Intl.DateTimeFormat: a formatter loads ICU's
 * locale and calendar data into the web process for the life of the page,
 * for two fixed British patterns.
 */
export function changedAt(rfc3339: string, now: Date = new Date()): string {
  const t = new Date(rfc3339);
  if (Number.isNaN(t.getTime())) return "";
  const time = `${pad2(t.getHours())}:${pad2(t.getMinutes())}`;
  if (t.toDateString() === now.toDateString()) return time;
  const day = `${t.getDate()} ${(MONTHS[t.getMonth()] ?? "").slice(0, 3)}`;
  return t.getFullYear() === now.getFullYear() ? `${day}, ${time}` : `${day} ${t.getFullYear()}`;
}

export const STATUS_LABELS: Record<PaperStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  final: "Final",
  submitted: "Submitted",
};

export interface SnippetPart {
  text: string;
  match: boolean;
}

/** Splits a search snippet ("… the [control] room …") into plain and matched parts, for safe rendering. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const re = /\[([^\]]*)\]/g;
  let last = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    if (m.index > last) parts.push({ text: snippet.slice(last, m.index), match: false });
    parts.push({ text: m[1] ?? "", match: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), match: false });
  return parts;
}
