import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { BoardPaper } from "./bindings/BoardPaper";
import { countWordsOf, paperWordCount } from "./words";

const here = dirname(fileURLToPath(import.meta.url));
const sample = JSON.parse(readFileSync(join(here, "../../../assets/samples/sample-board-paper.json"), "utf8")) as BoardPaper;

describe("paperWordCount", () => {
  it("counts title, headings, body, bibliography and contact officer words", () => {
    const paper: BoardPaper = {
      ...sample,
      title: "Two words",
      sections: [
        {
          heading: "Purpose",
          paragraphs: [
            {
              type: "numbered_paragraph",
              content: [
                { type: "paragraph", content: [{ type: "text", text: "three" }, { type: "hard_break" }, { type: "text", text: "more words" }] },
                { type: "bullet_list", content: [{ type: "list_item", content: [{ type: "paragraph", content: [{ type: "text", text: "bullet" }] }] }] },
              ],
            },
          ],
        },
      ],
      bibliography: [{ label: "Source Document", text: "The report", link: null }],
      contact_officer: { name: "Alex Morgan", role: null, department: null, organisation: null, phone: "0163", email: null },
      appendices: [],
    };
    // 2 title + 1 heading + 3 body + 1 bullet + 4 bibliography + 2 officer (the phone is not counted)
    expect(paperWordCount(paper)).toBe(13);
  });

  it("does not run words of adjacent blocks together", () => {
    const words = paperWordCount(sample);
    expect(words).toBeGreaterThan(900);
    expect(paperWordCount({ ...sample, sections: [] })).toBeLessThan(words);
  });
});

describe("countWordsOf", () => {
  it("splits where Rust's split_whitespace does (Unicode's White_Space), as the model counts", () => {
    // JavaScript's \s, less U+FEFF, plus U+0085: char::is_whitespace.
    const spaces = [" ", "\t", "\n", "\r", "\v", "\f", "\u0085", "\u00a0", "\u1680", "\u2000", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000"];
    for (const space of spaces) {
      const text = `${space}one${space}${space}two-words\u200bjoined${space}3${space}`;
      expect(countWordsOf(text), JSON.stringify(space)).toBe(3);
    }
    // Not spaces for Rust: a byte-order mark inside a word, and the controls either side of U+0085.
    expect(countWordsOf("one\ufefftwo three")).toBe(2);
    expect(countWordsOf("\u0084one\u0086")).toBe(1);
    expect(countWordsOf("")).toBe(0);
    expect(countWordsOf("caf\u00e9 \u{1F600} na\u00efve")).toBe(3);
  });
});

describe("paperWordCount's remembered bodies", () => {
  it("counts a body again when it is replaced, and not the others", () => {
    const body = (text: string) => [{ type: "numbered_paragraph", content: [{ type: "paragraph", content: [{ type: "text", text }] }] }];
    const paper: BoardPaper = {
      ...sample,
      title: "",
      sections: [
        { heading: "", paragraphs: body("one two") },
        { heading: "", paragraphs: body("three") },
      ] as BoardPaper["sections"],
      bibliography: [],
      contact_officer: null,
      appendices: [],
    };
    expect(paperWordCount(paper)).toBe(3);
    const edited = { ...paper, sections: [paper.sections[0]!, { heading: "", paragraphs: body("three four five") }] } as BoardPaper;
    expect(paperWordCount(edited)).toBe(5);
    expect(paperWordCount(paper)).toBe(3);
  });
});
