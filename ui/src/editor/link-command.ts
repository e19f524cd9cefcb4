// Adding, changing and removing links. The host asks the author for the
// address (its own dialog); the editor applies only http(s) and mailto links.

import type { Mark, ResolvedPos } from "prosemirror-model";
import type { Command, EditorState } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { normaliseLinkInput } from "./links";
import { markTypes } from "./schema";

/**
 * Asks the author for a link address. Called with the current address (or
 * null when there is no link); resolves to the new address, "" to remove the
 * link, or null to cancel.
 */
export type RequestLink = (currentHref: string | null) => Promise<string | null>;

export type LinkResult = "applied" | "removed" | "cancelled" | "refused";

interface LinkRange {
  from: number;
  to: number;
  mark: Mark;
}

/** The whole link (a run of text with the same link mark) touching $pos. */
function linkAround($pos: ResolvedPos): LinkRange | null {
  const parent = $pos.parent;
  if (!parent.inlineContent) return null;
  const start = $pos.start();
  let run: LinkRange | null = null;
  let found: LinkRange | null = null;
  parent.forEach((child, offset) => {
    if (found) return;
    const from = start + offset;
    const to = from + child.nodeSize;
    const mark = markTypes.link.isInSet(child.marks);
    if (mark && run && run.to === from && run.mark.eq(mark)) {
      run.to = to;
    } else {
      if (run && run.from <= $pos.pos && $pos.pos <= run.to) found = run;
      run = mark ? { from, to, mark } : null;
    }
  });
  if (!found && run && (run as LinkRange).from <= $pos.pos && $pos.pos <= (run as LinkRange).to) found = run;
  return found;
}

/** The link under the cursor or in the selection, if any. */
export function currentLink(state: EditorState): LinkRange | null {
  const { from, to, empty, $from } = state.selection;
  if (empty) return linkAround($from);
  let found: LinkRange | null = null;
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (found) return false;
    const mark = node.isText ? markTypes.link.isInSet(node.marks) : undefined;
    if (mark) found = { from: Math.max(pos, from), to: Math.min(pos + node.nodeSize, to), mark };
    return true;
  });
  return found;
}

/** Applies the author's answer to the current selection. Pure: usable without a view. */
export function applyLinkAnswer(
  state: EditorState,
  answer: string | null,
  dispatch?: EditorView["dispatch"],
): LinkResult {
  if (answer === null) return "cancelled";
  const { selection } = state;
  const existing = selection.empty ? linkAround(selection.$from) : null;
  const from = existing ? existing.from : selection.from;
  const to = existing ? existing.to : selection.to;
  if (answer.trim() === "") {
    if (from === to) return "cancelled";
    dispatch?.(state.tr.removeMark(from, to, markTypes.link).scrollIntoView());
    return "removed";
  }
  const href = normaliseLinkInput(answer);
  if (href === null) return "refused";
  const mark = markTypes.link.create({ href });
  const tr = state.tr;
  if (from === to) {
    // Nothing selected and no link here: the address itself becomes the text.
    const $from = selection.$from;
    if (!$from.parent.inlineContent) return "refused";
    tr.insert(from, state.schema.text(href, mark.addToSet($from.marks())));
  } else {
    tr.removeMark(from, to, markTypes.link).addMark(from, to, mark);
  }
  dispatch?.(tr.scrollIntoView());
  return "applied";
}

/** Asks the host for an address and applies it to the view's selection at that time. */
export async function editLink(view: EditorView, requestLink: RequestLink): Promise<LinkResult> {
  const current = currentLink(view.state);
  let answer: string | null;
  try {
    answer = await requestLink(current ? String(current.mark.attrs.href) : null);
  } catch {
    answer = null;
  }
  if (view.isDestroyed) return "cancelled";
  const result = applyLinkAnswer(view.state, answer, (tr) => view.dispatch(tr));
  view.focus();
  return result;
}

/** Mod-k: a command that starts editLink (the answer arrives later). */
export function linkCommand(requestLink: RequestLink): Command {
  return (state, dispatch, view) => {
    if (!view || !state.selection.$from.parent.inlineContent) return false;
    if (dispatch) void editLink(view, requestLink);
    return true;
  };
}

export function isLinkActive(state: EditorState): boolean {
  return currentLink(state) !== null;
}
