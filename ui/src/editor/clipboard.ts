// Paste and drop: the editor side of paste.ts.
//
// - HTML is cleaned by cleanPastedHtml before ProseMirror parses it.
// - Plain text keeps its paragraphs: each non-empty line is a paragraph, and
//   lines starting with a bullet character ("•", "-", "*", "–", "o ") are bullets.
// - Pasted into a numbered paragraph's own text, several paragraphs become
//   several numbered paragraphs (as if typed with Enter); lists and tables
//   stay with the paragraph above them. Inside a bullet or a table cell,
//   paragraphs stay there.

import { DOMParser as PMDOMParser, Fragment, Slice, type Node, type ResolvedPos } from "prosemirror-model";
import { Plugin, PluginKey } from "prosemirror-state";
import { cleanPastedHtml } from "./paste";
import { nodeTypes, schema } from "./schema";

const BULLET = /^\s*(?:[•·▪◦‣●○■□–—*-]|o(?=\s))\s+/u;

/** Plain text as safe HTML-free DOM: paragraphs and bullets. */
export function plainTextToDom(text: string, doc: Document): HTMLElement {
  const root = doc.createElement("div");
  let list: HTMLElement | null = null;
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.replace(/\t/g, " ").trim();
    if (!line) continue;
    const bullet = BULLET.exec(raw.replace(/\t/g, " "));
    const p = doc.createElement("p");
    if (bullet) {
      p.textContent = line.replace(BULLET, "").trim();
      if (!list) list = root.appendChild(doc.createElement("ul"));
      list.appendChild(doc.createElement("li")).appendChild(p);
    } else {
      p.textContent = line;
      list = null;
      root.appendChild(p);
    }
  }
  return root;
}

export function parsePlainText(text: string, $context: ResolvedPos): Slice {
  const doc = document.implementation.createHTMLDocument("");
  return PMDOMParser.fromSchema(schema).parseSlice(plainTextToDom(text, doc), { preserveWhitespace: true, context: $context });
}

/**
 * Fits pasted blocks to the cursor's place when it is in a paragraph
 * directly inside a numbered paragraph (not in a bullet or a cell):
 * - every pasted paragraph after the first starts a numbered paragraph of
 *   its own; lists and tables stay with the paragraph above them;
 * - a pasted list or table at either end is inserted whole, as a block, so
 *   that its bullets keep their levels and the text around the cursor stays
 *   in its own paragraph.
 */
export function fitPastedBlocks(slice: Slice, $pos: ResolvedPos): Slice {
  if ($pos.depth !== 2 || $pos.node(1).type !== nodeTypes.numberedParagraph) return slice;
  const { content } = slice;
  if (content.childCount === 0) return slice;
  let blocksOnly = true;
  content.forEach((child) => {
    if (child.type !== nodeTypes.paragraph && child.type !== nodeTypes.bulletList && child.type !== nodeTypes.table) {
      blocksOnly = false;
    }
  });
  if (!blocksOnly) return slice;
  const openStart = content.firstChild!.type === nodeTypes.paragraph ? slice.openStart : 0;
  const openEnd = content.lastChild!.type === nodeTypes.paragraph ? slice.openEnd : 0;
  const groups: Node[][] = [[]];
  content.forEach((child, _offset, index) => {
    if (index > 0 && child.type === nodeTypes.paragraph) groups.push([child]);
    else groups[groups.length - 1]!.push(child);
  });
  if (groups.length === 1) return new Slice(content, openStart, openEnd);
  const numbered = groups.map((g) => nodeTypes.numberedParagraph.create(null, Fragment.from(g)));
  return new Slice(Fragment.from(numbered), openStart + 1, openEnd + 1);
}

export const clipboardKey = new PluginKey("boardwrightClipboard");

export function clipboardPlugin(): Plugin {
  return new Plugin({
    key: clipboardKey,
    props: {
      transformPastedHTML: (html) => cleanPastedHtml(html),
      clipboardTextParser: (text, $context) => parsePlainText(text, $context),
      transformPasted: (slice, view) => fitPastedBlocks(slice, view.state.selection.$from),
    },
  });
}
