// Word count of a paper's JSON, counted as the Rust model counts it
// (crates/boardwright-model/src/text.rs): title, headings, body text,
// bibliography and appendices, split on whitespace.
//
// It runs at every autosave of papers up to hundreds of pages, so it scans
// the text in place (no joined copy, no array of words: those were
// megabytes of garbage a save for a 150-page paper) and remembers each
// section body's count: a keystroke replaces one body's array, and the
// others are not counted again.

import type { BoardPaper } from "./bindings/BoardPaper";

/**
 * Unicode's White_Space, which Rust's `split_whitespace` splits on: what
 * JavaScript's `\s` matches, but with U+0085 (next line) and without U+FEFF
 * (the byte-order mark, which is no space), so both counts agree.
 */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Counts words across pieces of text; `gap()` ends the word in progress. */
class WordCounter {
  words = 0;
  private inWord = false;

  text(text: string): void {
    for (let i = 0; i < text.length; i++) {
      if (isSpace(text.charCodeAt(i))) {
        this.inWord = false;
      } else if (!this.inWord) {
        this.inWord = true;
        this.words++;
      }
    }
  }

  gap(): void {
    this.inWord = false;
  }
}

/** Every word of `text`. */
export function countWordsOf(text: string): number {
  const counter = new WordCounter();
  counter.text(text);
  return counter.words;
}

function collect(node: unknown, counter: WordCounter): void {
  if (Array.isArray(node)) {
    for (const child of node) collect(child, counter);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const record = node as Record<string, unknown>;
  if (record.type === "text" && typeof record.text === "string") counter.text(record.text);
  if (record.type === "hard_break") counter.gap();
  if (Array.isArray(record.content)) {
    collect(record.content, counter);
    counter.gap();
  }
}

/** Bodies are replaced, never changed in place, so an array's count holds while it lives. */
const bodyCounts = new WeakMap<object, number>();

function contentWords(content: unknown[]): number {
  let words = bodyCounts.get(content);
  if (words === undefined) {
    const counter = new WordCounter();
    collect(content, counter);
    words = counter.words;
    bodyCounts.set(content, words);
  }
  return words;
}

export function paperWordCount(paper: BoardPaper): number {
  let words = countWordsOf(paper.title);
  for (const section of paper.sections) words += countWordsOf(section.heading) + contentWords(section.paragraphs);
  for (const row of paper.bibliography) words += countWordsOf(row.label) + countWordsOf(row.text);
  const officer = paper.contact_officer;
  if (officer) {
    for (const v of [officer.name, officer.role, officer.department, officer.organisation]) if (v) words += countWordsOf(v);
  }
  for (const appendix of paper.appendices) words += countWordsOf(appendix.title) + contentWords(appendix.content);
  return words;
}
