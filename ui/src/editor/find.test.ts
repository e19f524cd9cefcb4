import { afterEach, describe, expect, it, vi } from "vitest";
import { findMatches, matchRange, textblocks } from "./find";
import { createSectionEditor, type NumberedParagraph, type SectionEditor } from "./index";
import { toEditorDoc } from "./mapping";
import { li, np, p, samplePaper, text, ul } from "./__fixtures__/state";

const bold = [{ type: "bold" }];

/** A body with a numbered paragraph split by marks and a hard break, bullets and a table. */
const body = [
  np({ type: "paragraph", content: [text("The Board "), text("notes", bold), text(" the plan."), { type: "hard_break" }, text("Board again")] }),
  np(p("Second paragraph"), ul(li(p("A board bullet"), ul(li(p("nested")))))),
  np(p("Table follows"), {
    type: "table",
    content: [
      { type: "table_row", content: [{ type: "table_cell", content: [p("Board")] }, { type: "table_cell", content: [p("Date")] }] },
    ],
  }),
];

describe("Find in a body", () => {
  it("reads the text of every paragraph in document order: bullets and table cells too", () => {
    expect(textblocks(toEditorDoc(body))).toEqual([
      "The Board notes the plan. Board again",
      "Second paragraph",
      "A board bullet",
      "nested",
      "Table follows",
      "Board",
      "Date",
    ]);
  });

  it("finds every match, ignoring case, without overlaps", () => {
    const matches = findMatches(textblocks(toEditorDoc(body)), "BOARD");
    expect(matches.map((m) => m.block)).toEqual([0, 0, 2, 5]);
    expect(matches[1]).toEqual({ block: 0, from: 26, to: 31 });
    expect(findMatches(["aaaa"], "aa")).toEqual([{ block: 0, from: 0, to: 2 }, { block: 0, from: 2, to: 4 }]);
    expect(findMatches(["anything"], "")).toEqual([]);
    // A letter whose lower case is longer: searched as written, offsets stay true.
    expect(findMatches(["İstanbul board"], "board")).toEqual([{ block: 0, from: 9, to: 14 }]);
  });

  it("puts each match on its text in the document, across marks and after a hard break", () => {
    const doc = toEditorDoc(body);
    const texts = textblocks(doc);
    for (const query of ["board", "notes the", "plan.", "Board again", "nested", "date", "e"]) {
      const matches = findMatches(texts, query);
      expect(matches.length, query).toBeGreaterThan(0);
      for (const match of matches) {
        const range = matchRange(doc, match);
        expect(range, `${query} in block ${match.block}`).not.toBeNull();
        expect(doc.textBetween(range!.from, range!.to).toLowerCase()).toBe(query.toLowerCase());
      }
    }
    // The match after the hard break starts after it, not at the end of the text before.
    const [, again] = findMatches(texts, "board");
    const range = matchRange(doc, again!)!;
    expect(doc.resolve(range.from).nodeBefore?.type.name).toBe("hard_break");
    expect(matchRange(doc, { block: 99, from: 0, to: 1 })).toBeNull();
    expect(matchRange(doc, { block: 1, from: 0, to: 999 })).toBeNull();
  });

  it("finds in the sample paper's JSON what its editors then show", () => {
    for (const section of samplePaper().sections) {
      const doc = toEditorDoc(section.paragraphs);
      for (const match of findMatches(textblocks(doc), "the")) {
        const range = matchRange(doc, match);
        expect(doc.textBetween(range!.from, range!.to).toLowerCase()).toBe("the");
      }
    }
  });
});

describe("Find in a live editor", () => {
  let editor: SectionEditor | null = null;
  let host: HTMLElement;
  afterEach(() => {
    editor?.destroy();
    host.remove();
  });

  function make(): SectionEditor {
    host = document.body.appendChild(document.createElement("div"));
    editor = createSectionEditor(host, {
      paragraphs: body as NumberedParagraph[],
      sectionIndex: 0,
      onChange: vi.fn(),
      onRequestLink: async () => null,
    });
    return editor;
  }

  it("highlights the match without touching the text, the history or the focus", () => {
    const ed = make();
    const [first, second] = findMatches(textblocks(ed.view.state.doc), "board");
    const before = ed.view.state.doc;
    expect(ed.showMatch(second!)).toBe(true);
    expect(Array.from(host.querySelectorAll(".bw-find-match")).map((e) => e.textContent).join("")).toBe("Board");
    expect(ed.view.state.doc).toBe(before);
    expect(ed.stepHistory(false)).toBe(false);
    expect(ed.showMatch(first!)).toBe(true);
    expect(host.querySelectorAll(".bw-find-match").length).toBe(1);
    expect(ed.showMatch(null)).toBe(true);
    expect(host.querySelectorAll(".bw-find-match").length).toBe(0);
    expect(ed.showMatch({ block: 42, from: 0, to: 3 })).toBe(false);
  });

  it("selects a match to edit there", () => {
    const ed = make();
    const [, , bullet] = findMatches(textblocks(ed.view.state.doc), "board");
    expect(ed.showMatch(bullet!)).toBe(true);
    expect(ed.selectMatch(bullet!)).toBe(true);
    const { from, to } = ed.view.state.selection;
    expect(ed.view.state.doc.textBetween(from, to)).toBe("board");
    expect(host.querySelectorAll(".bw-find-match").length).toBe(0);
  });
});
