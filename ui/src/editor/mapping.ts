// Between the model's JSON (a section's `paragraphs`) and the editor's
// ProseMirror document.
//
// toEditorDoc is lenient where the model allows what the editor's schema
// cannot hold (an empty text node, a table without rows, a cell without a
// paragraph) and strict about anything the format does not know.
// fromEditorDoc writes exactly the fields of docs/paper-format.md, in the
// form the Rust model writes them back: no attrs on cells, "table_cell" for
// header cells too, no `marks` or `content` when empty, no link title.

import type { Mark as PMMark, Node } from "prosemirror-model";
import { nodeTypes, schema } from "./schema";
import type {
  Block,
  BulletList,
  Inline,
  ListItem,
  Mark,
  NumberedParagraph,
  Paragraph,
  Table,
  TableCell,
  TableRow,
} from "./types";

/** A body that the editor cannot show, and where (like the Rust decoder's errors). */
export class BodyFormatError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = "BodyFormatError";
  }
}

type Json = Record<string, unknown>;

function obj(v: unknown, path: string): Json {
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    throw new BodyFormatError(path, "expected an object");
  }
  return v as Json;
}

function list(v: Json, path: string): unknown[] {
  const c = v.content;
  if (c === undefined || c === null) return [];
  if (!Array.isArray(c)) throw new BodyFormatError(`${path}.content`, "expected an array");
  return c;
}

function typeOf(v: Json, path: string): string {
  if (typeof v.type !== "string") throw new BodyFormatError(path, 'missing field "type"');
  return v.type;
}

function mapItems<T>(items: unknown[], path: string, f: (v: Json, path: string) => T | null): T[] {
  const out: T[] = [];
  items.forEach((item, i) => {
    const p = `${path}.content[${i}]`;
    const r = f(obj(item, p), p);
    if (r !== null) out.push(r);
  });
  return out;
}

// ---- model JSON → ProseMirror JSON (then schema.nodeFromJSON) ----

function markIn(v: Json, path: string): Json {
  switch (typeOf(v, path)) {
    case "bold":
    case "italic":
    case "underline":
      return { type: v.type };
    case "link": {
      const attrs = obj(v.attrs, `${path}.attrs`);
      if (typeof attrs.href !== "string") throw new BodyFormatError(`${path}.attrs`, 'missing field "href"');
      return { type: "link", attrs: { href: attrs.href } };
    }
    default:
      throw new BodyFormatError(path, `unknown mark "${String(v.type)}"`);
  }
}

function inlineIn(v: Json, path: string): Json | null {
  switch (typeOf(v, path)) {
    case "text": {
      if (typeof v.text !== "string") throw new BodyFormatError(path, 'missing field "text"');
      if (v.text === "") return null;
      const marks = Array.isArray(v.marks) ? v.marks.map((m, i) => markIn(obj(m, `${path}.marks[${i}]`), `${path}.marks[${i}]`)) : [];
      return marks.length ? { type: "text", text: v.text, marks } : { type: "text", text: v.text };
    }
    case "hard_break":
      return { type: "hard_break" };
    default:
      throw new BodyFormatError(path, `unknown inline type "${String(v.type)}"`);
  }
}

function paragraphIn(v: Json, path: string): Json {
  if (typeOf(v, path) !== "paragraph") throw new BodyFormatError(path, `expected a paragraph, found "${String(v.type)}"`);
  return { type: "paragraph", content: mapItems(list(v, path), path, inlineIn) };
}

function bulletListIn(v: Json, path: string): Json | null {
  const items = mapItems(list(v, path), path, (item, p) => {
    if (typeOf(item, p) !== "list_item") throw new BodyFormatError(p, `expected "list_item", found "${String(item.type)}"`);
    const content = mapItems(list(item, p), p, (b, bp) => {
      const t = typeOf(b, bp);
      if (t === "paragraph") return paragraphIn(b, bp);
      if (t === "bullet_list") return bulletListIn(b, bp);
      throw new BodyFormatError(bp, `"${t}" cannot sit inside a bullet`);
    });
    if (content[0]?.type !== "paragraph") content.unshift({ type: "paragraph", content: [] });
    return { type: "list_item", content };
  });
  return items.length ? { type: "bullet_list", content: items } : null;
}

function tableIn(v: Json, path: string): Json | null {
  const rows = mapItems(list(v, path), path, (row, rp) => {
    if (typeOf(row, rp) !== "table_row") throw new BodyFormatError(rp, `expected "table_row", found "${String(row.type)}"`);
    return mapItems(list(row, rp), rp, (cell, cp) => {
      const t = typeOf(cell, cp);
      if (t !== "table_cell" && t !== "table_header") throw new BodyFormatError(cp, `expected "table_cell", found "${t}"`);
      const paras = mapItems(list(cell, cp), cp, paragraphIn);
      return paras.length ? paras : [{ type: "paragraph", content: [] }];
    });
  }).filter((cells) => cells.length > 0);
  if (rows.length === 0) return null;
  // The first row is the header row: shown as header cells in the editor.
  return {
    type: "table",
    content: rows.map((cells, r) => ({
      type: "table_row",
      content: cells.map((content) => ({ type: r === 0 ? "table_header" : "table_cell", content })),
    })),
  };
}

function blockIn(v: Json, path: string): Json | null {
  const t = typeOf(v, path);
  if (t === "paragraph") return paragraphIn(v, path);
  if (t === "bullet_list") return bulletListIn(v, path);
  if (t === "table") return tableIn(v, path);
  throw new BodyFormatError(path, `unknown block type "${t}"`);
}

function numberedParagraphIn(v: Json, path: string): Json {
  const t = typeOf(v, path);
  if (t !== "numbered_paragraph") throw new BodyFormatError(path, `expected "numbered_paragraph", found "${t}"`);
  const content = mapItems(list(v, path), path, blockIn);
  if (content[0]?.type !== "paragraph") content.unshift({ type: "paragraph", content: [] });
  return { type: "numbered_paragraph", content };
}

/**
 * The editor document of a section's `paragraphs`. An empty array gives one
 * empty numbered paragraph. Throws BodyFormatError on content the format does
 * not know (the Rust decoder has refused it already, so this means a bug).
 */
export function toEditorDoc(paragraphs: unknown[]): Node {
  const content = paragraphs.map((p, i) => numberedParagraphIn(obj(p, `paragraphs[${i}]`), `paragraphs[${i}]`));
  if (content.length === 0) content.push({ type: "numbered_paragraph", content: [{ type: "paragraph" }] });
  const doc = schema.nodeFromJSON({ type: "doc", content });
  doc.check();
  return doc;
}

// ---- ProseMirror document → model JSON ----

function marksOut(marks: readonly PMMark[]): Mark[] {
  const out: Mark[] = [];
  for (const m of marks) {
    const name = m.type.name;
    if (name === "bold" || name === "italic" || name === "underline") out.push({ type: name });
    else if (name === "link") out.push({ type: "link", attrs: { href: String(m.attrs.href) } });
  }
  return out;
}

function inlinesOut(node: Node): Inline[] {
  const out: Inline[] = [];
  node.forEach((child) => {
    if (child.isText) {
      const marks = marksOut(child.marks);
      out.push(marks.length ? { type: "text", text: child.text ?? "", marks } : { type: "text", text: child.text ?? "" });
    } else if (child.type === nodeTypes.hardBreak) {
      out.push({ type: "hard_break" });
    }
  });
  return out;
}

function paragraphOut(node: Node): Paragraph {
  const content = inlinesOut(node);
  return content.length ? { type: "paragraph", content } : { type: "paragraph" };
}

function bulletListOut(node: Node): BulletList {
  const content: ListItem[] = [];
  node.forEach((item) => {
    const blocks: ListItem["content"] = [];
    item.forEach((b) => blocks.push(b.type === nodeTypes.bulletList ? bulletListOut(b) : paragraphOut(b)));
    content.push({ type: "list_item", content: blocks });
  });
  return { type: "bullet_list", content };
}

function tableOut(node: Node): Table {
  const rows: TableRow[] = [];
  node.forEach((row) => {
    const cells: TableCell[] = [];
    row.forEach((cell) => {
      const content: Paragraph[] = [];
      cell.forEach((p) => content.push(paragraphOut(p)));
      cells.push({ type: "table_cell", content });
      // Merged cells cannot be made in this editor; should one appear, it
      // is written as separate cells so that every row keeps its width.
      const span = Number(cell.attrs.colspan ?? 1);
      for (let i = 1; i < span; i++) cells.push({ type: "table_cell", content: [{ type: "paragraph" }] });
    });
    rows.push({ type: "table_row", content: cells });
  });
  return { type: "table", content: rows };
}

function blockOut(node: Node): Block {
  if (node.type === nodeTypes.bulletList) return bulletListOut(node);
  if (node.type === nodeTypes.table) return tableOut(node);
  return paragraphOut(node);
}

/** The section's `paragraphs` JSON of an editor document, as the Rust decoder accepts it. */
export function fromEditorDoc(doc: Node): NumberedParagraph[] {
  const out: NumberedParagraph[] = [];
  doc.forEach((np) => {
    const content: Block[] = [];
    np.forEach((b) => content.push(blockOut(b)));
    out.push({ type: "numbered_paragraph", content });
  });
  return out;
}
