// Find in a paper: matches in a body's text, and the highlight of the
// current one.
//
// A match is named by its textblock (the n-th paragraph of the body, in
// document order, wherever it sits: a numbered paragraph, a bullet, a table
// cell) and its offsets in that block's text. The same names hold in a live
// editor's document and in one built from the body's JSON (toEditorDoc), so
// matches can be counted in sections far from the screen, whose editors do
// not exist yet, and shown once the section's editor is made.

import type { Node } from "prosemirror-model";
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";

export interface BodyMatch {
  /** The textblock's index in the body, in document order. */
  block: number;
  /** Offsets in the block's text (its textContent, where a hard break is one space). */
  from: number;
  to: number;
}

/** The text of each textblock of `doc`, in document order. */
export function textblocks(doc: Node): string[] {
  const texts: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    texts.push(node.textContent);
    return false;
  });
  return texts;
}

/**
 * Every match of `query` in `texts`, ignoring case, one after the other
 * (no overlaps). A block whose lower case has another length (a rare
 * letter such as "İ") is searched as written, so offsets stay true.
 */
export function findMatches(texts: string[], query: string): BodyMatch[] {
  if (query === "") return [];
  const needle = query.toLowerCase();
  const matches: BodyMatch[] = [];
  texts.forEach((text, block) => {
    const lower = text.toLowerCase();
    const [haystack, wanted] = lower.length === text.length ? [lower, needle] : [text, query];
    for (let at = haystack.indexOf(wanted); at >= 0; at = haystack.indexOf(wanted, at + wanted.length)) {
      matches.push({ block, from: at, to: at + wanted.length });
    }
  });
  return matches;
}

/** The document positions of `match` in `doc`; null when the doc has no such text there now. */
export function matchRange(doc: Node, match: BodyMatch): { from: number; to: number } | null {
  let found: { from: number; to: number } | null = null;
  let index = 0;
  doc.descendants((node, pos) => {
    if (found || !node.isTextblock) return !found;
    if (index++ === match.block && match.to <= node.textContent.length) {
      found = { from: positionIn(node, pos, match.from, false), to: positionIn(node, pos, match.to, true) };
    }
    return false;
  });
  return found;
}

/**
 * The position of text offset `offset` in the textblock at `pos`. A match's
 * start at the end of one inline node goes to the start of the next; its end
 * stays at the end of the node it ends in.
 */
function positionIn(block: Node, pos: number, offset: number, isEnd: boolean): number {
  let at = pos + 1;
  let text = 0;
  let result: number | null = null;
  block.forEach((child) => {
    if (result !== null) return;
    // A hard break's text is one space (the schema's leafText): one character, one position.
    const length = child.isText ? (child.text?.length ?? 0) : child.textContent.length;
    if (length > 0 && (isEnd ? offset <= text + length : offset < text + length)) {
      result = at + Math.min(offset - text, child.nodeSize);
    }
    text += length;
    at += child.nodeSize;
  });
  return result ?? at;
}

const findKey = new PluginKey<DecorationSet>("bw-find");

/** Shows the current match (class `bw-find-match`), set by `highlightMatch`. */
export function findHighlight(): Plugin {
  return new Plugin<DecorationSet>({
    key: findKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const range = tr.getMeta(findKey) as { from: number; to: number } | null | undefined;
        if (range === undefined) return set.map(tr.mapping, tr.doc);
        return range
          ? DecorationSet.create(tr.doc, [Decoration.inline(range.from, range.to, { class: "bw-find-match" })])
          : DecorationSet.empty;
      },
    },
    props: { decorations: (state) => findKey.getState(state) },
  });
}

/** A transaction that highlights `range` (null: none), outside the undo history. */
export function highlightMatch(state: EditorState, range: { from: number; to: number } | null): Transaction {
  return state.tr.setMeta(findKey, range).setMeta("addToHistory", false);
}

/** A transaction that selects `range` and clears the highlight. */
export function selectMatch(state: EditorState, range: { from: number; to: number }): Transaction {
  return highlightMatch(state, null).setSelection(TextSelection.create(state.doc, range.from, range.to)).scrollIntoView();
}
