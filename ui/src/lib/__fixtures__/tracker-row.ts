// A tracker row for the Section 55 tests, with the fields a test cares about overridden.

import type { TrackerRow } from "../bindings/TrackerRow";

export function trackerRow(over: Partial<TrackerRow> = {}): TrackerRow {
  return {
    report_id: 1,
    report_title: "PEEL 2025",
    report_published: "2026-12-01",
    finding: 1,
    is_recommendation: true,
    number: "1",
    text: "Improve call handling.",
    addressed_to: "Chief constables",
    owner: "",
    target_date: null,
    status: "not_started",
    rag: "not_due",
    ...over,
  };
}
