// Paragraph numbers as Word will show them (crates/boardwright-model/src/
// numbering.rs): sections from 1, paragraphs 1.1, 1.2 … restarting in each
// section. The numbers are never part of the document: a plugin decorates
// each top-level numbered_paragraph with data-number, and CSS shows it.

import type { Node } from "prosemirror-model";
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";

/** "3.1" for the first paragraph of section index 2. */
export function paragraphLabel(sectionIndex: number, paragraphIndex: number): string {
  return `${sectionIndex + 1}.${paragraphIndex + 1}`;
}

/** The label of every numbered paragraph of the document, in order. */
export function paragraphLabels(doc: Node, sectionIndex: number): string[] {
  const labels: string[] = [];
  for (let i = 0; i < doc.childCount; i++) labels.push(paragraphLabel(sectionIndex, i));
  return labels;
}

export const numberingKey = new PluginKey<DecorationSet>("liveNumbering");

function decorate(doc: Node, sectionIndex: number): DecorationSet {
  const decorations: Decoration[] = [];
  doc.forEach((node, offset, index) => {
    decorations.push(
      Decoration.node(offset, offset + node.nodeSize, { "data-number": paragraphLabel(sectionIndex, index) }),
    );
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Live paragraph numbers. The decorations are rebuilt only when the document
 * changes or when a transaction carries `renumber(tr)` (after the section
 * moved); selection-only transactions reuse them. Rebuilding is one pass over
 * the top-level nodes, and the view leaves unchanged decorations alone.
 */
export function liveNumbering(getSectionIndex: () => number): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: numberingKey,
    state: {
      init: (_config, state: EditorState) => decorate(state.doc, getSectionIndex()),
      apply: (tr: Transaction, old: DecorationSet, _oldState: EditorState, newState: EditorState) =>
        tr.docChanged || tr.getMeta(numberingKey) ? decorate(newState.doc, getSectionIndex()) : old,
    },
    props: {
      decorations: (state) => numberingKey.getState(state),
    },
  });
}

/** Marks a transaction so the numbers are recomputed (e.g. the section index changed). */
export function renumber(tr: Transaction): Transaction {
  return tr.setMeta(numberingKey, true);
}
