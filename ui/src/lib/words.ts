// Word count of a paper's JSON, counted as the Rust model counts it
// (crates/boardwright-model/src/text.rs): title, headings, body text,
// bibliography and appendices, split on whitespace.

import type { BoardPaper } from "./bindings/BoardPaper";

function collect(node: unknown, out: string[]): void {
  if (Array.isArray(node)) {
    for (const child of node) collect(child, out);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const record = node as Record<string, unknown>;
  if (record.type === "text" && typeof record.text === "string") out.push(record.text);
  if (record.type === "hard_break") out.push(" ");
  if (Array.isArray(record.content)) {
    collect(record.content, out);
    out.push(" ");
  }
}

function count(text: string): number {
  return text.split(/\s+/u).filter((w) => w.length > 0).length;
}

export function paperWordCount(paper: BoardPaper): number {
  const parts: string[] = [paper.title];
  for (const section of paper.sections) {
    parts.push(" ", section.heading, " ");
    collect(section.paragraphs, parts);
  }
  for (const row of paper.bibliography) parts.push(" ", row.label, " ", row.text, " ");
  const officer = paper.contact_officer;
  if (officer) {
    for (const v of [officer.name, officer.role, officer.department, officer.organisation]) if (v) parts.push(" ", v, " ");
  }
  for (const appendix of paper.appendices) {
    parts.push(" ", appendix.title, " ");
    collect(appendix.content, parts);
  }
  return count(parts.join(""));
}
