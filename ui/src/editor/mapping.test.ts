import { describe, expect, it } from "vitest";
import { fromEditorDoc, toEditorDoc, BodyFormatError } from "./mapping";
import { schema } from "./schema";
import { np, p, samplePaper, text, ul, li } from "./__fixtures__/state";

const MARK_ORDER = ["bold", "italic", "underline", "link"];

/** The optional parts of the format in one canonical form (see docs/paper-format.md). */
function normalise(v: unknown): unknown {
  if (Array.isArray(v)) {
    const items = v.map(normalise);
    // Adjacent text with the same marks is one run.
    const merged: unknown[] = [];
    for (const item of items) {
      const last = merged[merged.length - 1] as Record<string, unknown> | undefined;
      const cur = item as Record<string, unknown>;
      if (last?.type === "text" && cur?.type === "text" && JSON.stringify(last.marks) === JSON.stringify(cur.marks)) {
        last.text = String(last.text) + String(cur.text);
      } else merged.push(item);
    }
    return merged.filter((x) => !((x as Record<string, unknown>)?.type === "text" && (x as Record<string, unknown>).text === ""));
  }
  if (typeof v !== "object" || v === null) return v;
  const o = { ...(v as Record<string, unknown>) };
  if (o.type === "table_header") o.type = "table_cell";
  if (o.type === "table_cell" && o.attrs) {
    const a = o.attrs as Record<string, unknown>;
    if ((a.colspan ?? 1) === 1 && (a.rowspan ?? 1) === 1 && a.colwidth == null) delete o.attrs;
  }
  if (o.type === "link" && o.attrs) o.attrs = { href: (o.attrs as Record<string, unknown>).href };
  if (Array.isArray(o.marks)) {
    o.marks = [...o.marks].sort(
      (a, b) => MARK_ORDER.indexOf((a as { type: string }).type) - MARK_ORDER.indexOf((b as { type: string }).type),
    );
    if ((o.marks as unknown[]).length === 0) delete o.marks;
  }
  for (const [k, val] of Object.entries(o)) if (k !== "marks") o[k] = normalise(val);
  if (o.marks) o.marks = (o.marks as unknown[]).map(normalise);
  if (o.type === "paragraph" && Array.isArray(o.content) && o.content.length === 0) delete o.content;
  return o;
}

const ALLOWED_FIELDS: Record<string, string[]> = {
  numbered_paragraph: ["type", "content"],
  paragraph: ["type", "content"],
  bullet_list: ["type", "content"],
  list_item: ["type", "content"],
  table: ["type", "content"],
  table_row: ["type", "content"],
  table_cell: ["type", "content", "attrs"],
  text: ["type", "text", "marks"],
  hard_break: ["type"],
  bold: ["type"],
  italic: ["type"],
  underline: ["type"],
  link: ["type", "attrs"],
};

function assertOnlyFormatFields(v: unknown, path = "paragraphs"): void {
  if (Array.isArray(v)) return v.forEach((x, i) => assertOnlyFormatFields(x, `${path}[${i}]`));
  if (typeof v !== "object" || v === null) return;
  const o = v as Record<string, unknown>;
  const allowed = ALLOWED_FIELDS[String(o.type)];
  expect(allowed, `${path}: unexpected type ${String(o.type)}`).toBeDefined();
  for (const key of Object.keys(o)) expect(allowed, `${path}.${key}`).toContain(key);
  if (o.type === "link") expect(Object.keys(o.attrs as object)).toEqual(["href"]);
  if (Array.isArray(o.content)) assertOnlyFormatFields(o.content, `${path}.content`);
  if (Array.isArray(o.marks)) assertOnlyFormatFields(o.marks, `${path}.marks`);
}

describe("mapping between the model's JSON and the editor document", () => {
  const paper = samplePaper();

  it("the sample has sections with lists, tables and links to exercise", () => {
    const all = JSON.stringify(paper.sections);
    expect(paper.sections.length).toBeGreaterThanOrEqual(5);
    for (const t of ['"bullet_list"', '"table"', '"link"', '"bold"', '"italic"']) expect(all).toContain(t);
  });

  for (const [i, section] of samplePaper().sections.entries()) {
    it(`round-trips section ${i + 1} (${section.heading}) of the sample paper`, () => {
      const doc = toEditorDoc(section.paragraphs);
      expect(doc.childCount).toBe(section.paragraphs.length);
      const back = fromEditorDoc(doc);
      expect(normalise(back)).toEqual(normalise(section.paragraphs));
      assertOnlyFormatFields(back);
    });
  }

  it("writes JSON in the Rust model's own form (so a save does not rewrite the file needlessly)", () => {
    for (const section of paper.sections) {
      expect(fromEditorDoc(toEditorDoc(section.paragraphs))).toEqual(section.paragraphs);
    }
  });

  it("gives one empty numbered paragraph for an empty section", () => {
    const doc = toEditorDoc([]);
    expect(doc.childCount).toBe(1);
    expect(fromEditorDoc(doc)).toEqual([{ type: "numbered_paragraph", content: [{ type: "paragraph" }] }]);
  });

  it("drops default attrs, link titles, empty text and writes header cells as table_cell", () => {
    const input = [
      np(
        {
          type: "paragraph",
          content: [
            text(""),
            text("go", [{ type: "link", attrs: { href: "https://example.org/", title: null } }]),
            { type: "hard_break" },
            text("on"),
          ],
        },
        {
          type: "table",
          content: [
            { type: "table_row", content: [{ type: "table_header", attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [p("H")] }] },
            { type: "table_row", content: [{ type: "table_cell", content: [] }] },
          ],
        },
      ),
    ];
    expect(fromEditorDoc(toEditorDoc(input))).toEqual([
      np(
        {
          type: "paragraph",
          content: [text("go", [{ type: "link", attrs: { href: "https://example.org/" } }]), { type: "hard_break" }, text("on")],
        },
        {
          type: "table",
          content: [
            { type: "table_row", content: [{ type: "table_cell", content: [p("H")] }] },
            { type: "table_row", content: [{ type: "table_cell", content: [{ type: "paragraph" }] }] },
          ],
        },
      ),
    ]);
  });

  it("shows the first table row as header cells in the editor", () => {
    const doc = toEditorDoc([
      np(p("x"), { type: "table", content: [{ type: "table_row", content: [{ type: "table_cell", content: [p("H")] }] }, { type: "table_row", content: [{ type: "table_cell", content: [p("c")] }] }] }),
    ]);
    const table = doc.child(0).child(1);
    expect(table.child(0).child(0).type.name).toBe("table_header");
    expect(table.child(1).child(0).type.name).toBe("table_cell");
  });

  it("keeps nested bullets", () => {
    const input = [np(p("Intro"), ul(li(p("a"), ul(li(p("a.1"), ul(li(p("a.1.i"))))))), p("follow-on"))];
    const doc = toEditorDoc(input);
    expect(doc.child(0).child(1).child(0).child(1).child(0).child(1).type.name).toBe("bullet_list");
    expect(fromEditorDoc(doc)).toEqual(input);
  });

  it("refuses what the format does not know, naming the place", () => {
    expect(() => toEditorDoc([np(p("x"), { type: "video" })])).toThrow(BodyFormatError);
    expect(() => toEditorDoc([np(p("x"), { type: "video" })])).toThrow('paragraphs[0].content[1]: unknown block type "video"');
    expect(() => toEditorDoc([{ type: "paragraph" }])).toThrow(/numbered_paragraph/);
    expect(() => toEditorDoc([np({ type: "paragraph", content: [text("x", [{ type: "strike" }])] })])).toThrow(/unknown mark/);
  });

  it("uses the schema's own node names", () => {
    for (const name of ["doc", "numbered_paragraph", "paragraph", "bullet_list", "list_item", "table", "table_row", "table_cell", "table_header", "text", "hard_break"]) {
      expect(schema.nodes[name], name).toBeDefined();
    }
    expect(Object.keys(schema.marks)).toEqual(["bold", "italic", "underline", "link"]);
    expect(schema.marks.link!.spec.inclusive).toBe(false);
  });
});
