import { describe, expect, it } from "vitest";
import { undo } from "prosemirror-history";
import { TextSelection } from "prosemirror-state";
import { joinBackward } from "prosemirror-commands";
import {
  enter,
  insertHardBreak,
  insertTable,
  insertUnnumberedParagraph,
  liftBullet,
  nextCellOrNewRow,
  previousCell,
  sinkBullet,
  splitNumberedParagraph,
  toggleBold,
  toggleBulletList,
  addRowAfter,
  deleteTable,
} from "./commands";
import { applyLinkAnswer } from "./link-command";
import { fromEditorDoc } from "./mapping";
import { li, np, p, run, stateOf, text, ul } from "./__fixtures__/state";

const json = (s: { doc: import("prosemirror-model").Node } | null) => {
  expect(s).not.toBeNull();
  return fromEditorDoc(s!.doc);
};

describe("Enter", () => {
  it("at the end of a numbered paragraph starts a new numbered paragraph", () => {
    const s = run(stateOf([np(p("First point.|"))]), enter);
    expect(json(s)).toEqual([np(p("First point.")), np({ type: "paragraph" })]);
    // The cursor is in the new paragraph: typing goes there.
    const typed = s!.apply(s!.tr.insertText("Second"));
    expect(fromEditorDoc(typed.doc)).toEqual([np(p("First point.")), np(p("Second"))]);
  });

  it("inside the text moves the rest, and the blocks after it, to the new numbered paragraph", () => {
    const s = run(stateOf([np(p("Intro |rest"), ul(li(p("a"))))]), enter);
    expect(json(s)).toEqual([np(p("Intro ")), np(p("rest"), ul(li(p("a"))))]);
  });

  it("in an empty unnumbered paragraph makes it a numbered one", () => {
    const s = run(stateOf([np(p("Lead"), ul(li(p("a"))), p("|"))]), splitNumberedParagraph);
    expect(json(s)).toEqual([np(p("Lead"), ul(li(p("a")))), np({ type: "paragraph" })]);
  });

  it("replaces a selection first", () => {
    const s = run(stateOf([np(p("ab|cd|ef"))]), enter);
    expect(json(s)).toEqual([np(p("ab")), np(p("ef"))]);
  });

  it("in a bullet splits the bullet", () => {
    const s = run(stateOf([np(p("Lead"), ul(li(p("one|two"))))]), enter);
    expect(json(s)).toEqual([np(p("Lead"), ul(li(p("one")), li(p("two"))))]);
  });

  it("on an empty bullet lifts it out of the list", () => {
    const s = run(stateOf([np(p("Lead"), ul(li(p("one")), li({ type: "paragraph", content: [text("|")] })))]), enter);
    expect(json(s)).toEqual([np(p("Lead"), ul(li(p("one"))), { type: "paragraph" })]);
    // …and Enter again there gives the next numbered paragraph.
    expect(json(run(s!, enter))).toEqual([np(p("Lead"), ul(li(p("one")))), np({ type: "paragraph" })]);
  });

  it("on an empty nested bullet un-nests it", () => {
    const s = run(stateOf([np(p("Lead"), ul(li(p("one"), ul(li(p("a")), li(p("|"))))))]), enter);
    expect(json(s)).toEqual([np(p("Lead"), ul(li(p("one"), ul(li(p("a")))), li({ type: "paragraph" })))]);
  });

  it("in a table cell adds a paragraph to the cell", () => {
    const s = run(stateOf([np(p("x|"))]), insertTable(2, 2))!;
    const typed = s.apply(s.tr.insertText("Head"));
    const out = json(run(typed, enter));
    const cell = (out[0]!.content[1] as { content: Array<{ content: Array<{ content: unknown[] }> }> }).content[0]!.content[0]!;
    expect(cell.content).toEqual([p("Head"), { type: "paragraph" }]);
  });
});

describe("breaks and unnumbered paragraphs", () => {
  it("Backspace at the start of a numbered paragraph makes it unnumbered, then joins the text", () => {
    const once = run(stateOf([np(p("one")), np(p("|two"))]), joinBackward);
    expect(json(once)).toEqual([np(p("one"), p("two"))]);
    expect(json(run(once!, joinBackward))).toEqual([np(p("onetwo"))]);
  });

  it("Shift-Enter inserts a hard break", () => {
    expect(json(run(stateOf([np(p("line one|line two"))]), insertHardBreak))).toEqual([
      np({ type: "paragraph", content: [text("line one"), { type: "hard_break" }, text("line two")] }),
    ]);
  });

  it("Mod-Enter splits into an unnumbered paragraph of the same numbered paragraph", () => {
    expect(json(run(stateOf([np(p("one|two"))]), insertUnnumberedParagraph))).toEqual([np(p("one"), p("two"))]);
    expect(json(run(stateOf([np(p("Lead"), ul(li(p("a|"))))]), insertUnnumberedParagraph))).toEqual([
      np(p("Lead"), ul(li(p("a"))), { type: "paragraph" }),
    ]);
  });
});

describe("Tab and Shift-Tab in bullets", () => {
  const list = () => stateOf([np(p("Lead"), ul(li(p("one")), li(p("tw|o"))))]);

  it("Tab nests the bullet under the one above", () => {
    expect(json(run(list(), sinkBullet))).toEqual([np(p("Lead"), ul(li(p("one"), ul(li(p("two"))))))]);
  });

  it("Shift-Tab un-nests it again", () => {
    const nested = run(list(), sinkBullet)!;
    expect(json(run(nested, liftBullet))).toEqual([np(p("Lead"), ul(li(p("one")), li(p("two"))))]);
  });

  it("Shift-Tab on a top-level bullet makes it an unnumbered paragraph", () => {
    expect(json(run(list(), liftBullet))).toEqual([np(p("Lead"), ul(li(p("one"))), p("two"))]);
  });

  it("Tab on the first bullet is taken but changes nothing", () => {
    const s = stateOf([np(p("Lead"), ul(li(p("o|ne"))))]);
    const after = run(s, sinkBullet);
    expect(after).not.toBeNull();
    expect(after!.doc.eq(s.doc)).toBe(true);
  });

  it("Tab outside lists and tables is left to the browser (focus moves on)", () => {
    expect(run(stateOf([np(p("Plain |text"))]), sinkBullet)).toBeNull();
    expect(run(stateOf([np(p("Plain |text"))]), nextCellOrNewRow)).toBeNull();
  });
});

describe("bullet list toggle", () => {
  it("in the first paragraph starts a bullet below it (the numbered text itself cannot be a bullet)", () => {
    const s = run(stateOf([np(p("The force:|"))]), toggleBulletList)!;
    expect(fromEditorDoc(s.doc)).toEqual([np(p("The force:"), ul(li({ type: "paragraph" })))]);
    const typed = s.apply(s.tr.insertText("answers calls"));
    expect(fromEditorDoc(typed.doc)).toEqual([np(p("The force:"), ul(li(p("answers calls"))))]);
  });

  it("turns unnumbered paragraphs into bullets, joined with the list above", () => {
    const s = run(stateOf([np(p("Lead"), ul(li(p("a"))), p("|b"), p("c|"))]), toggleBulletList);
    expect(json(s)).toEqual([np(p("Lead"), ul(li(p("a")), li(p("b")), li(p("c"))))]);
  });

  it("turns bullets back into unnumbered paragraphs, from any depth", () => {
    const s = run(stateOf([np(p("Lead"), ul(li(p("a"), ul(li(p("de|ep"))))))]), toggleBulletList);
    expect(json(s)).toEqual([np(p("Lead"), ul(li(p("a"))), p("deep"))]);
  });
});

describe("marks", () => {
  it("toggles bold on the selection, and off again", () => {
    const on = run(stateOf([np(p("The Board is invited to |note| the report."))]), toggleBold)!;
    expect(fromEditorDoc(on.doc)).toEqual([
      np({ type: "paragraph", content: [text("The Board is invited to "), text("note", [{ type: "bold" }]), text(" the report.")] }),
    ]);
    expect(json(run(on, toggleBold))).toEqual([np(p("The Board is invited to note the report."))]);
  });

  it("applies only http(s) and mailto links", () => {
    const s = stateOf([np(p("See |the report|."))]);
    let next = s;
    expect(applyLinkAnswer(s, "javascript:alert(1)", (tr) => (next = s.apply(tr)))).toBe("refused");
    expect(applyLinkAnswer(s, " JaVaScRiPt:alert(1)", (tr) => (next = s.apply(tr)))).toBe("refused");
    expect(applyLinkAnswer(s, "file:///C:/x", (tr) => (next = s.apply(tr)))).toBe("refused");
    expect(next).toBe(s);
    expect(applyLinkAnswer(s, null)).toBe("cancelled");
    expect(applyLinkAnswer(s, "https://www.gov.uk/", (tr) => (next = s.apply(tr)))).toBe("applied");
    expect(fromEditorDoc(next.doc)).toEqual([
      np({ type: "paragraph", content: [text("See "), text("the report", [{ type: "link", attrs: { href: "https://www.gov.uk/" } }]), text(".")] }),
    ]);
    // With the cursor inside the link, "" removes the whole link.
    const linked = next;
    const cursor = linked.apply(linked.tr.setSelection(TextSelection.create(linked.doc, 8)));
    let removed = cursor;
    expect(applyLinkAnswer(cursor, "", (tr) => (removed = cursor.apply(tr)))).toBe("removed");
    expect(fromEditorDoc(removed.doc)).toEqual([np(p("See the report."))]);
  });

  it("turns www. and bare e-mail addresses into links", () => {
    const s = stateOf([np(p("|x|"))]);
    let next = s;
    applyLinkAnswer(s, "www.example.org", (tr) => (next = s.apply(tr)));
    expect(JSON.stringify(fromEditorDoc(next.doc))).toContain('"href":"https://www.example.org"');
    applyLinkAnswer(s, "alex.morgan@northshire.police.uk", (tr) => (next = s.apply(tr)));
    expect(JSON.stringify(fromEditorDoc(next.doc))).toContain('"href":"mailto:alex.morgan@northshire.police.uk"');
  });
});

describe("tables", () => {
  it("insertTable gives a 3×3 table, first row the header row, whose JSON is the model's", () => {
    const s = run(stateOf([np(p("The grades:|"))]), insertTable())!;
    const table = s.doc.child(0).child(1);
    expect(table.type.name).toBe("table");
    expect(table.childCount).toBe(3);
    table.forEach((row, _o, r) => {
      expect(row.childCount).toBe(3);
      row.forEach((cell) => expect(cell.type.name).toBe(r === 0 ? "table_header" : "table_cell"));
    });
    const cell = { type: "table_cell", content: [{ type: "paragraph" }] };
    const row = { type: "table_row", content: [cell, cell, cell] };
    expect(fromEditorDoc(s.doc)).toEqual([np(p("The grades:"), { type: "table", content: [row, row, row] })]);
    // The cursor is in the first header cell.
    expect(s.selection.$from.parent.type.name).toBe("paragraph");
    expect(s.selection.$from.node(-1).type.name).toBe("table_header");
  });

  it("is not inserted inside a table", () => {
    const s = run(stateOf([np(p("x|"))]), insertTable(2, 2))!;
    expect(run(s, insertTable())).toBeNull();
  });

  it("Tab moves to the next cell, and adds a row after the last one; Shift-Tab goes back", () => {
    let s = run(stateOf([np(p("x|"))]), insertTable(2, 2))!;
    const cellIndex = (st: typeof s) => {
      const $p = st.selection.$from;
      return [$p.index(-3), $p.index(-2)];
    };
    expect(cellIndex(s)).toEqual([0, 0]);
    s = run(s, nextCellOrNewRow)!;
    expect(cellIndex(s)).toEqual([0, 1]);
    s = run(run(s, nextCellOrNewRow)!, nextCellOrNewRow)!;
    expect(cellIndex(s)).toEqual([1, 1]);
    s = run(s, nextCellOrNewRow)!;
    expect(s.doc.child(0).child(1).childCount).toBe(3);
    expect(cellIndex(s)).toEqual([2, 0]);
    s = run(s, previousCell)!;
    expect(cellIndex(s)).toEqual([1, 1]);
  });

  it("row and table commands keep the model's shape", () => {
    let s = run(stateOf([np(p("x|"))]), insertTable(2, 2))!;
    s = run(s, addRowAfter)!;
    const t = fromEditorDoc(s.doc)[0]!.content[1] as { content: Array<{ content: unknown[] }> };
    expect(t.content.length).toBe(3);
    expect(t.content.every((r) => r.content.length === 2)).toBe(true);
    expect(json(run(s, deleteTable))).toEqual([np(p("x"))]);
  });
});

describe("history", () => {
  it("undoes a split", () => {
    const s = run(stateOf([np(p("one|two"))]), enter)!;
    expect(json(run(s, undo))).toEqual([np(p("onetwo"))]);
  });
});

describe("queries (no dispatch), as the toolbar asks after every key", () => {
  const cell = (t: string) => ({ type: "table_cell", content: [p(t)] });
  const table = { type: "table", content: [{ type: "table_row", content: [cell("a|b"), cell("c")] }] };
  const places: Record<string, unknown[]> = {
    "the numbered text": [np(p("The fo|rce"))],
    "a range in the numbered text": [np(p("The |for|ce"))],
    "an unnumbered paragraph": [np(p("Lead"), p("mo|re"))],
    "a range over two unnumbered paragraphs": [np(p("Lead"), p("o|ne"), p("tw|o"))],
    "a range from the numbered text into the next": [np(p("Le|ad"), p("mo|re"))],
    "a bullet": [np(p("Lead"), ul(li(p("a")), li(p("b|"))))],
    "a nested bullet": [np(p("Lead"), ul(li(p("a"), ul(li(p("de|ep"))))))],
    "a table cell": [np(p("Lead"), table)],
  };
  const commands = { insertUnnumberedParagraph, toggleBulletList, insertTable: insertTable(), liftBullet, sinkBullet };

  for (const [place, paragraphs] of Object.entries(places)) {
    for (const [name, command] of Object.entries(commands)) {
      it(`${name} answers in ${place} as it applies there`, () => {
        const state = stateOf(paragraphs);
        expect(command(state)).toBe(run(state, command) !== null);
      });
    }
  }
});
