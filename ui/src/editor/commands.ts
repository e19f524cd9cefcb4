// Editing commands for a section's body. Each is a plain ProseMirror command
// (state, dispatch?) and works on an EditorState without a view.

import { Fragment, NodeRange, type Node, type ResolvedPos } from "prosemirror-model";
import { EditorState, TextSelection, type Command, type Transaction } from "prosemirror-state";
import { canJoin, canSplit } from "prosemirror-transform";
import { chainCommands, splitBlockKeepMarks, toggleMark } from "prosemirror-commands";
import { liftListItem, sinkListItem, splitListItemKeepMarks, wrapRangeInList } from "prosemirror-schema-list";
import { addRowAfter, goToNextCell, isInTable } from "prosemirror-tables";
import { markTypes, nodeTypes } from "./schema";

export { addColumnAfter, addRowAfter, deleteColumn, deleteRow, deleteTable } from "prosemirror-tables";

/** What holds the cursor most closely: a bullet, a table cell or a numbered paragraph's own block. */
export type Place = "list_item" | "table_cell" | "numbered_paragraph";

export function placeOf($pos: ResolvedPos): { place: Place; depth: number } | null {
  for (let d = $pos.depth; d > 0; d--) {
    const t = $pos.node(d).type;
    if (t === nodeTypes.listItem) return { place: "list_item", depth: d };
    if (t === nodeTypes.tableCell || t === nodeTypes.tableHeader) return { place: "table_cell", depth: d };
    if (t === nodeTypes.numberedParagraph) return { place: "numbered_paragraph", depth: d };
  }
  return null;
}

function storedMarks(state: EditorState) {
  const { $from, $to } = state.selection;
  return state.storedMarks ?? ($to.parentOffset ? $from.marks() : null);
}

/**
 * Enter in a paragraph directly inside a numbered paragraph: the text after
 * the cursor, and the blocks after it, become a NEW numbered paragraph (so
 * the next number appears). In an empty unnumbered follow-on paragraph it
 * starts a new numbered paragraph there instead of leaving an empty one.
 */
export const splitNumberedParagraph: Command = (state, dispatch) => {
  if (!(state.selection instanceof TextSelection)) return false;
  const tr = state.tr;
  if (!state.selection.empty) tr.deleteSelection();
  const $pos = tr.selection.$from;
  if ($pos.depth !== 2 || $pos.node(1).type !== nodeTypes.numberedParagraph || $pos.parent.type !== nodeTypes.paragraph) {
    return false;
  }
  if ($pos.parent.content.size === 0 && $pos.index(1) > 0) {
    const before = $pos.before(2);
    if (!canSplit(tr.doc, before, 1)) return false;
    tr.split(before, 1);
  } else {
    if (!canSplit(tr.doc, $pos.pos, 2)) return false;
    tr.split($pos.pos, 2);
  }
  const marks = storedMarks(state);
  if (marks) tr.ensureMarks(marks);
  dispatch?.(tr.scrollIntoView());
  return true;
};

/**
 * Mod-Enter: a new unnumbered paragraph in the same numbered paragraph —
 * split here when in one of its paragraphs, or after the list or table that
 * holds the cursor.
 */
export const insertUnnumberedParagraph: Command = (state, dispatch) => {
  const { $from } = state.selection;
  if ($from.depth < 2 || $from.node(1).type !== nodeTypes.numberedParagraph) return false;
  const splitsHere = $from.depth === 2 && $from.parent.type === nodeTypes.paragraph;
  // A query (the toolbar asks after every key) builds no transaction.
  if (!dispatch && state.selection.empty) return !splitsHere || canSplit(state.doc, $from.pos, 1);
  const tr = state.tr;
  if (splitsHere) {
    if (!state.selection.empty) tr.deleteSelection();
    const pos = tr.selection.from;
    if (!canSplit(tr.doc, pos, 1)) return false;
    tr.split(pos, 1);
  } else {
    const pos = $from.after(2);
    tr.insert(pos, nodeTypes.paragraph.create());
    tr.setSelection(TextSelection.create(tr.doc, pos + 1));
  }
  dispatch?.(tr.scrollIntoView());
  return true;
};

/** Enter on an empty bullet: lift it out (of the nested list, or of the list). */
const liftEmptyListItem: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  if (!empty || $from.parent.content.size !== 0 || $from.node(-1).type !== nodeTypes.listItem) return false;
  return liftListItem(nodeTypes.listItem)(state, dispatch);
};

export const splitOrLiftListItem: Command = chainCommands(splitListItemKeepMarks(nodeTypes.listItem), liftEmptyListItem);

/** Enter: split the bullet, the cell's paragraph, or the numbered paragraph. */
export const enter: Command = (state, dispatch, view) => {
  const where = placeOf(state.selection.$from);
  if (!where) return false;
  if (where.place === "list_item") return splitOrLiftListItem(state, dispatch, view);
  if (where.place === "table_cell") return splitBlockKeepMarks(state, dispatch, view);
  return splitNumberedParagraph(state, dispatch, view);
};

/** Shift-Enter: a line break inside the paragraph. */
export const insertHardBreak: Command = (state, dispatch) => {
  const { $from } = state.selection;
  if (!$from.parent.inlineContent || !$from.parent.type.contentMatch.matchType(nodeTypes.hardBreak)) return false;
  dispatch?.(state.tr.replaceSelectionWith(nodeTypes.hardBreak.create()).scrollIntoView());
  return true;
};

function inList(state: EditorState): boolean {
  return placeOf(state.selection.$from)?.place === "list_item";
}

/** Tab in a bullet: nest it under the bullet above (consumed even when it cannot nest). */
export const sinkBullet: Command = (state, dispatch) => {
  if (!inList(state)) return false;
  sinkListItem(nodeTypes.listItem)(state, dispatch);
  return true;
};

/** Shift-Tab in a bullet: un-nest it; a top-level bullet becomes an unnumbered paragraph. */
export const liftBullet: Command = (state, dispatch) => {
  if (!inList(state)) return false;
  liftListItem(nodeTypes.listItem)(state, dispatch);
  return true;
};

/** Tab in a table: the next cell; in the last cell, a new row. */
export const nextCellOrNewRow: Command = (state, dispatch) => {
  if (!isInTable(state)) return false;
  if (goToNextCell(1)(state, dispatch)) return true;
  let tr: Transaction | null = null;
  if (!addRowAfter(state, (t) => (tr = t)) || !tr) return false;
  if (dispatch) {
    const added: Transaction = tr;
    const after = state.apply(added);
    goToNextCell(1)(after, (t) => added.setSelection(TextSelection.create(added.doc, t.selection.anchor)));
    dispatch(added.scrollIntoView());
  }
  return true;
};

export const previousCell: Command = (state, dispatch) => isInTable(state) && goToNextCell(-1)(state, dispatch);

/** Lifts the selected bullets out of every list, one level at a time. */
function liftOutOfLists(state: EditorState, dispatch?: (tr: Transaction) => void): boolean {
  if (!dispatch) return liftListItem(nodeTypes.listItem)(state);
  let s = EditorState.create({ doc: state.doc, selection: state.selection });
  const tr = state.tr;
  for (let i = 0; i < 12 && inList(s); i++) {
    let step: Transaction | null = null;
    if (!liftListItem(nodeTypes.listItem)(s, (t) => (step = t)) || !step) break;
    const t: Transaction = step;
    t.steps.forEach((st) => tr.step(st));
    s = s.apply(t);
  }
  if (!tr.docChanged) return false;
  tr.setSelection(TextSelection.create(tr.doc, s.selection.anchor, s.selection.head));
  dispatch?.(tr.scrollIntoView());
  return true;
}

/** Joins the top-level list holding the cursor with bullet lists right before or after it. */
function joinNeighbourLists(tr: Transaction): void {
  const $pos = tr.selection.$from;
  if ($pos.depth < 2 || $pos.node(2).type !== nodeTypes.bulletList) return;
  const after = $pos.after(2);
  if (tr.doc.resolve(after).nodeAfter?.type === nodeTypes.bulletList && canJoin(tr.doc, after)) tr.join(after);
  const before = tr.selection.$from.before(2);
  if (tr.doc.resolve(before).nodeBefore?.type === nodeTypes.bulletList && canJoin(tr.doc, before)) tr.join(before);
}

/**
 * Bullets on or off. In a bullet: the selected bullets become unnumbered
 * paragraphs. In the paragraphs of a numbered paragraph: they become bullets
 * (joined with a list right above or below). The first paragraph carries the
 * number and cannot be a bullet: with the cursor there alone, a new empty
 * bullet is started just below it.
 */
export const toggleBulletList: Command = (state, dispatch) => {
  if (inList(state)) return liftOutOfLists(state, dispatch);
  const { $from, $to } = state.selection;
  if (placeOf($from)?.place !== "numbered_paragraph" || $from.depth !== 2 || $to.depth !== 2) return false;
  if ($from.before(1) !== $to.before(1)) return false;
  const np = $from.node(1);
  const first = Math.max($from.index(1), 1);
  const last = $to.index(1);
  const tr = state.tr;
  if (last < first) {
    // Only the first paragraph: start a bullet below it.
    if (!dispatch) return true;
    const pos = $from.after(2);
    const next = np.maybeChild(1);
    const item = nodeTypes.listItem.create(null, nodeTypes.paragraph.create());
    if (next?.type === nodeTypes.bulletList) tr.insert(pos + 1, item);
    else tr.insert(pos, nodeTypes.bulletList.create(null, item));
    tr.setSelection(TextSelection.create(tr.doc, pos + 3));
    dispatch?.(tr.scrollIntoView());
    return true;
  }
  const npStart = $from.start(1);
  let from = npStart;
  for (let i = 0; i < first; i++) from += np.child(i).nodeSize;
  let to = from;
  for (let i = first; i <= last; i++) {
    const child = np.child(i);
    if (child.type !== nodeTypes.paragraph) return false;
    to += child.nodeSize;
  }
  const range = new NodeRange(state.doc.resolve(from + 1), state.doc.resolve(to - 1), 1);
  if (!wrapRangeInList(dispatch ? tr : null, range, nodeTypes.bulletList)) return false;
  if (!dispatch) return true;
  joinNeighbourLists(tr);
  dispatch?.(tr.scrollIntoView());
  return true;
};

export function isInBulletList(state: EditorState): boolean {
  return inList(state);
}

export const toggleBold = toggleMark(markTypes.bold);
export const toggleItalic = toggleMark(markTypes.italic);
export const toggleUnderline = toggleMark(markTypes.underline);

/** A rows × cols table whose first row is the header row; every cell holds an empty paragraph. */
export function createTable(rows: number, cols: number): Node {
  const r = Math.max(1, Math.floor(rows));
  const c = Math.max(1, Math.floor(cols));
  const tableRows: Node[] = [];
  for (let i = 0; i < r; i++) {
    const type = i === 0 ? nodeTypes.tableHeader : nodeTypes.tableCell;
    const cells: Node[] = [];
    for (let j = 0; j < c; j++) cells.push(type.createAndFill()!);
    tableRows.push(nodeTypes.tableRow.create(null, Fragment.from(cells)));
  }
  return nodeTypes.table.create(null, Fragment.from(tableRows));
}

/**
 * Inserts a table after the block (paragraph, list) holding the cursor, in
 * the same numbered paragraph; an empty unnumbered paragraph is replaced by
 * it. The cursor goes to the first header cell. Not inside a table.
 */
export function insertTable(rows = 3, cols = 3): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    const where = placeOf($from);
    if (!where || where.place === "table_cell" || $from.depth < 2) return false;
    if (!dispatch) return true;
    const table = createTable(rows, cols);
    const tr = state.tr;
    const block = $from.node(2);
    let pos: number;
    if ($from.index(1) > 0 && block.type === nodeTypes.paragraph && block.content.size === 0) {
      pos = $from.before(2);
      tr.replaceWith(pos, $from.after(2), table);
    } else {
      pos = $from.after(2);
      tr.insert(pos, table);
    }
    tr.setSelection(TextSelection.create(tr.doc, pos + 4));
    dispatch?.(tr.scrollIntoView());
    return true;
  };
}
