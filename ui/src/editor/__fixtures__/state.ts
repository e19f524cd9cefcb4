// Test helpers: editor states from body JSON, with the cursor at a "|" (or a
// selection between two "|") in the text.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { EditorState, TextSelection, type Plugin } from "prosemirror-state";
import { history } from "prosemirror-history";
import { tableEditing } from "prosemirror-tables";
import type { Node } from "prosemirror-model";
import { toEditorDoc } from "../mapping";

const here = dirname(fileURLToPath(import.meta.url));

export function fixture(name: string): string {
  return readFileSync(join(here, name), "utf8");
}

export function samplePaper(): { sections: Array<{ heading: string; paragraphs: unknown[] }> } {
  return JSON.parse(readFileSync(join(here, "../../../../assets/samples/sample-board-paper.json"), "utf8"));
}

export const text = (t: string, marks?: unknown[]) => (marks ? { type: "text", text: t, marks } : { type: "text", text: t });
export const p = (...t: string[]) => ({ type: "paragraph", content: t.map((x) => text(x)) });
export const li = (...content: unknown[]) => ({ type: "list_item", content });
export const ul = (...items: unknown[]) => ({ type: "bullet_list", content: items });
export const np = (...content: unknown[]) => ({ type: "numbered_paragraph", content });

function markers(doc: Node): number[] {
  const found: number[] = [];
  doc.descendants((node, pos) => {
    if (node.isText) {
      const t = node.text ?? "";
      for (let i = t.indexOf("|"); i >= 0; i = t.indexOf("|", i + 1)) found.push(pos + i);
    }
  });
  return found;
}

/** A state of the given paragraphs; "|" marks the cursor, two "|" a selection. */
export function stateOf(paragraphs: unknown[], plugins: Plugin[] = [history(), tableEditing()]): EditorState {
  const doc = toEditorDoc(paragraphs);
  const at = markers(doc);
  let state = EditorState.create({ doc, plugins });
  if (at.length === 0) return state;
  const tr = state.tr;
  for (let i = at.length - 1; i >= 0; i--) tr.delete(at[i]!, at[i]! + 1);
  const anchor = at[0]!;
  const head = at.length > 1 ? at[1]! - 1 : anchor;
  tr.setSelection(TextSelection.create(tr.doc, anchor, head));
  state = state.apply(tr.setMeta("addToHistory", false));
  return state;
}

/** Runs a command; returns the new state, or null when the command did not apply. */
export function run(
  state: EditorState,
  command: (s: EditorState, d?: (tr: import("prosemirror-state").Transaction) => void) => boolean,
): EditorState | null {
  let next: EditorState | null = null;
  const applied = command(state, (tr) => {
    next = state.apply(tr);
  });
  return applied ? (next ?? state) : null;
}
