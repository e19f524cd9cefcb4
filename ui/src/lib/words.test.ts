import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { BoardPaper } from "./bindings/BoardPaper";
import { paperWordCount } from "./words";

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
