// Clipboard HTML (above all Microsoft Word's) to safe, minimal HTML that the
// schema parses: p, ul > li, strong, em, u, a[href], br, table/tr/th/td, and
// no attributes but a safe href.
//
// The HTML is parsed with DOMParser into an inert document (no scripts run,
// no images load, no handlers fire), read into a small block model, and
// written out with createElement/createTextNode, so nothing from the
// clipboard is ever parsed again as markup by this module.

import { isAllowedLink } from "./links";
import type { CleanBlock, ListBlock, Run, RunStyle, TableBlock } from "./paste-model";
import { writeBlocks } from "./paste-write";
import { addWordListItem, addWordListFollowOn, removeWordListMarkers, wordListInfo, type WordLists } from "./word-lists";

export type { CleanBlock } from "./paste-model";

interface Ctx {
  blocks: CleanBlock[];
  para: Run[] | null;
  word: WordLists | null;
}

const PLAIN: RunStyle = { bold: false, italic: false, underline: false, href: null };

// Dropped with everything inside them.
const DROP = new Set(
  (
    "script style iframe frame frameset object embed applet noscript noembed noframes template svg math img " +
    "picture video audio source track canvas map area head title meta link base xml input button select option " +
    "optgroup textarea datalist output progress meter dialog portal hr del colgroup col caption"
  ).split(" "),
);
const BLOCK = new Set(
  (
    "html body p div h1 h2 h3 h4 h5 h6 blockquote pre address section article header footer main nav aside " +
    "center figure figcaption dl dt dd fieldset legend details summary form"
  ).split(" "),
);
const LIST = new Set(["ul", "ol", "menu", "dir"]);

function newCtx(): Ctx {
  return { blocks: [], para: null, word: null };
}

/** Closes the open paragraph; an empty one (Word's spacer paragraphs) is dropped. */
function flush(ctx: Ctx): void {
  const runs = ctx.para;
  ctx.para = null;
  if (!runs) return;
  const tidy = tidyRuns(runs);
  if (tidy.length) ctx.blocks.push({ kind: "p", runs: tidy });
}

/**
 * Collapses spaces across runs and around line breaks, trims the
 * paragraph's ends and drops trailing breaks; [] when nothing is left.
 */
export function tidyRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  let spaceBefore = true; // at the start, and after a break, leading spaces go
  for (const run of runs) {
    if (run.kind === "br") {
      const last = out[out.length - 1];
      if (last?.kind === "text") last.text = last.text.replace(/\s+$/, "");
      out.push(run);
      spaceBefore = true;
      continue;
    }
    const text = spaceBefore ? run.text.replace(/^\s+/, "") : run.text;
    if (text === "") continue;
    out.push({ ...run, text });
    spaceBefore = /\s$/.test(text);
  }
  while (out.length) {
    const last = out[out.length - 1]!;
    if (last.kind === "br") out.pop();
    else if ((last.text = last.text.replace(/\s+$/, "")) === "") out.pop();
    else break;
  }
  while (out[0]?.kind === "br") out.shift();
  const kept = out.filter((r) => r.kind === "br" || r.text !== "");
  return kept.some((r) => r.kind === "text") ? kept : [];
}

function inline(ctx: Ctx): Run[] {
  if (!ctx.para) ctx.para = [];
  return ctx.para;
}

function styleDecls(el: Element): Map<string, string> {
  const decls = new Map<string, string>();
  for (const part of (el.getAttribute("style") ?? "").split(";")) {
    const i = part.indexOf(":");
    if (i > 0) decls.set(part.slice(0, i).trim().toLowerCase(), part.slice(i + 1).trim().toLowerCase());
  }
  return decls;
}

/** Bold, italic and underline set or cleared by an inline style (Google Docs, some Word runs). */
function withInlineStyle(el: Element, style: RunStyle): RunStyle {
  if (!el.hasAttribute("style")) return style;
  const d = styleDecls(el);
  const s = { ...style };
  const weight = d.get("font-weight");
  if (weight) s.bold = /^(bold|bolder|[6-9]00)$/.test(weight) ? true : /^(normal|lighter|[1-4]00)$/.test(weight) ? false : s.bold;
  const fontStyle = d.get("font-style");
  if (fontStyle) s.italic = /^(italic|oblique)/.test(fontStyle) ? true : fontStyle === "normal" ? false : s.italic;
  const deco = d.get("text-decoration-line") ?? d.get("text-decoration");
  if (deco) s.underline = deco.includes("underline") ? true : deco.includes("none") ? false : s.underline;
  return s;
}

function walkChildren(node: Node, ctx: Ctx, style: RunStyle): void {
  for (let child = node.firstChild; child; child = child.nextSibling) walk(child, ctx, style);
}

function walk(node: Node, ctx: Ctx, style: RunStyle): void {
  if (node.nodeType === 3) {
    const text = (node.nodeValue ?? "").replace(/[ \t\n\r\f]+/g, " ");
    if (text) inline(ctx).push({ kind: "text", text, style });
    return;
  }
  if (node.nodeType !== 1) return; // comments, processing instructions
  const el = node as Element;
  const name = el.localName.toLowerCase();
  if (DROP.has(name) || name.startsWith("v:")) return; // v: is Word's VML (shapes, pictures)

  if (name === "br") {
    inline(ctx).push({ kind: "br" });
  } else if (name === "b" || name === "strong") {
    walkChildren(el, ctx, withInlineStyle(el, { ...style, bold: true }));
  } else if (name === "i" || name === "em") {
    walkChildren(el, ctx, withInlineStyle(el, { ...style, italic: true }));
  } else if (name === "u") {
    walkChildren(el, ctx, withInlineStyle(el, { ...style, underline: true }));
  } else if (name === "a") {
    const href = el.getAttribute("href");
    const next = href !== null && isAllowedLink(href) ? { ...style, href: href.trim() } : style;
    walkChildren(el, ctx, withInlineStyle(el, next));
  } else if (LIST.has(name)) {
    flush(ctx);
    ctx.blocks.push(readList(el, style));
  } else if (name === "li") {
    // A bullet outside any list: read it as a one-item list.
    flush(ctx);
    const list: ListBlock = { kind: "ul", items: [] };
    addItem(list, (item) => walkChildren(el, item, style));
    if (list.items.length) ctx.blocks.push(list);
  } else if (name === "table") {
    flush(ctx);
    const table = readTable(el, style);
    if (table) ctx.blocks.push(table);
  } else if (BLOCK.has(name)) {
    flush(ctx);
    const list = wordListInfo(el);
    if (list) {
      const item = newCtx();
      walkChildren(el, item, style);
      flush(item);
      if (item.blocks.length) ctx.word = addWordListItem(ctx.blocks, ctx.word, list, item.blocks);
    } else if (/^MsoListParagraph/i.test(el.getAttribute("class") ?? "") && ctx.word) {
      // An indented paragraph inside a Word bullet (no bullet of its own).
      const item = newCtx();
      walkChildren(el, item, style);
      flush(item);
      if (!addWordListFollowOn(ctx.blocks, ctx.word, item.blocks)) ctx.blocks.push(...item.blocks);
    } else {
      walkChildren(el, ctx, withInlineStyle(el, style));
      flush(ctx);
    }
  } else {
    // span, font, o:p, sup, small … : keep the text, drop the element.
    walkChildren(el, ctx, withInlineStyle(el, style));
  }
}

function addItem(list: ListBlock, fill: (ctx: Ctx) => void): void {
  const item = newCtx();
  fill(item);
  flush(item);
  const blocks = item.blocks.flatMap((b) => (b.kind === "table" ? tableAsParagraphs(b) : [b]));
  if (!blocks.length) return;
  const previous = list.items[list.items.length - 1];
  if (blocks[0]!.kind !== "p") {
    // <li><ul>… only indents: hang it from the bullet above, if there is one.
    if (previous) {
      previous.blocks.push(...blocks);
      return;
    }
    blocks.unshift({ kind: "p", runs: [] });
  }
  list.items.push({ blocks });
}

function readList(el: Element, style: RunStyle): ListBlock {
  const list: ListBlock = { kind: "ul", items: [] };
  for (let child = el.firstChild; child; child = child.nextSibling) {
    const node = child;
    if (node.nodeType === 3 && !(node.nodeValue ?? "").trim()) continue;
    if (node.nodeType === 1 && LIST.has((node as Element).localName)) {
      const nested = readList(node as Element, style);
      const previous = list.items[list.items.length - 1];
      if (previous && nested.items.length) previous.blocks.push(nested);
      else list.items.push(...nested.items);
    } else if (node.nodeType === 1 && (node as Element).localName === "li") {
      addItem(list, (ctx) => walkChildren(node, ctx, style));
    } else if (node.nodeType === 1 || node.nodeType === 3) {
      // Text or another element straight inside the list: a bullet of its own.
      addItem(list, (ctx) => walk(node, ctx, style));
    }
  }
  return list;
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of Array.from(table.children)) {
    const name = child.localName;
    if (name === "tr") rows.push(child);
    else if (name === "thead" || name === "tbody" || name === "tfoot") {
      for (const row of Array.from(child.children)) if (row.localName === "tr") rows.push(row);
    }
  }
  return rows;
}

/** Every paragraph inside some blocks (a table cell holds paragraphs only). */
function paragraphsOf(blocks: CleanBlock[]): Run[][] {
  const out: Run[][] = [];
  for (const b of blocks) {
    if (b.kind === "p") out.push(b.runs);
    else if (b.kind === "ul") for (const item of b.items) out.push(...paragraphsOf(item.blocks));
    else for (const row of b.rows) for (const cell of row) out.push(...cell.paras);
  }
  return out;
}

function tableAsParagraphs(table: TableBlock): CleanBlock[] {
  return paragraphsOf([table]).map((runs) => ({ kind: "p", runs }));
}

function readTable(el: Element, style: RunStyle): TableBlock | null {
  const rows: TableBlock["rows"] = [];
  for (const tr of rowsOf(el)) {
    const cells: TableBlock["rows"][number] = [];
    for (const td of Array.from(tr.children)) {
      if (td.localName !== "td" && td.localName !== "th") continue;
      const cell = newCtx();
      walkChildren(td, cell, style);
      flush(cell);
      const header = rows.length === 0; // the first row is the header row
      cells.push({ header, paras: paragraphsOf(cell.blocks) });
      // A merged cell becomes separate cells, so every row keeps its width.
      const span = Math.min(Math.max(parseInt(td.getAttribute("colspan") ?? "1", 10) || 1, 1), 50);
      for (let i = 1; i < span; i++) cells.push({ header, paras: [] });
    }
    if (cells.length) rows.push(cells);
  }
  return rows.length ? { kind: "table", rows } : null;
}

/** The clean block model of clipboard HTML (exported for tests). */
export function readPastedHtml(html: string): { doc: Document; blocks: CleanBlock[] } {
  const doc = new DOMParser().parseFromString(html, "text/html");
  removeWordListMarkers(doc.body);
  const ctx = newCtx();
  walk(doc.body, ctx, PLAIN);
  flush(ctx);
  return { doc, blocks: ctx.blocks };
}

/** Safe, minimal HTML for the schema's parser, from any clipboard HTML. */
export function cleanPastedHtml(html: string): string {
  const { doc, blocks } = readPastedHtml(html);
  const out = doc.createElement("div");
  writeBlocks(doc, out, blocks);
  return out.innerHTML;
}
