// Toolbar actions for the host to render (buttons, menus). Each runs against
// the editor view and can say whether it is active (bold here?) or enabled.

import type { Command, EditorState } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import type { MarkType } from "prosemirror-model";
import { redo, redoDepth, undo, undoDepth } from "prosemirror-history";
import { isInTable } from "prosemirror-tables";
import {
  addColumnAfter,
  addRowAfter,
  deleteColumn,
  deleteRow,
  deleteTable,
  insertTable,
  insertUnnumberedParagraph,
  isInBulletList,
  liftBullet,
  sinkBullet,
  toggleBold,
  toggleBulletList,
  toggleItalic,
  toggleUnderline,
} from "./commands";
import { editLink, isLinkActive, type RequestLink } from "./link-command";
import { markTypes } from "./schema";

export interface ToolbarAction {
  /** Stable id, e.g. "bold", "insertTable". */
  id: string;
  /** British English label for the button or menu item. */
  label: string;
  /** ProseMirror key notation ("Mod-b": Ctrl+B, or Cmd+B on macOS), or null. */
  shortcut: string | null;
  /** Runs the action; false when it does not apply here. Focus returns to the editor. */
  run: (view: EditorView) => boolean;
  /** For toggles: is it on at the selection? */
  isActive?: (state: EditorState) => boolean;
  /** Can it run at the selection? */
  isEnabled: (state: EditorState) => boolean;
}

function markActive(state: EditorState, type: MarkType): boolean {
  const { from, to, empty, $from } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

function action(id: string, label: string, shortcut: string | null, command: Command, isActive?: (s: EditorState) => boolean): ToolbarAction {
  return {
    id,
    label,
    shortcut,
    run: (view) => {
      const done = command(view.state, view.dispatch, view);
      view.focus();
      return done;
    },
    isEnabled: (state) => command(state),
    ...(isActive ? { isActive } : {}),
  };
}

const inTable = (command: Command): Command => (state, dispatch, view) => isInTable(state) && command(state, dispatch, view);

export function createToolbarActions(requestLink: RequestLink): ToolbarAction[] {
  return [
    action("bold", "Bold", "Mod-b", toggleBold, (s) => markActive(s, markTypes.bold)),
    action("italic", "Italic", "Mod-i", toggleItalic, (s) => markActive(s, markTypes.italic)),
    action("underline", "Underline", "Mod-u", toggleUnderline, (s) => markActive(s, markTypes.underline)),
    {
      id: "link",
      label: "Link",
      shortcut: "Mod-k",
      run: (view) => {
        if (!view.state.selection.$from.parent.inlineContent) return false;
        void editLink(view, requestLink);
        return true;
      },
      isActive: isLinkActive,
      isEnabled: (s) => s.selection.$from.parent.inlineContent,
    },
    action("bulletList", "Bullet list", null, toggleBulletList, isInBulletList),
    action("indent", "Indent bullet", "Tab", sinkBullet),
    action("outdent", "Outdent bullet", "Shift-Tab", liftBullet),
    action("unnumberedParagraph", "Unnumbered paragraph", "Mod-Enter", insertUnnumberedParagraph),
    action("insertTable", "Insert table", null, insertTable(3, 3)),
    action("addRowAfter", "Add row below", null, inTable(addRowAfter)),
    action("addColumnAfter", "Add column to the right", null, inTable(addColumnAfter)),
    action("deleteRow", "Delete row", null, inTable(deleteRow)),
    action("deleteColumn", "Delete column", null, inTable(deleteColumn)),
    action("deleteTable", "Delete table", null, inTable(deleteTable)),
    {
      ...action("undo", "Undo", "Mod-z", undo),
      isEnabled: (s) => undoDepth(s) > 0,
    },
    {
      ...action("redo", "Redo", "Mod-Shift-z", redo),
      isEnabled: (s) => redoDepth(s) > 0,
    },
  ];
}
