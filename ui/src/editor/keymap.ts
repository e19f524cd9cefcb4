// The editor's keys. Tab and Shift-Tab are taken only in bullets and tables:
// elsewhere they move the focus as usual, so keyboard users can leave the
// editor (the format has no tab characters and no indented paragraphs).

import { baseKeymap, chainCommands } from "prosemirror-commands";
import { redo, undo } from "prosemirror-history";
import { keymap } from "prosemirror-keymap";
import type { Command, Plugin } from "prosemirror-state";
import {
  enter,
  insertHardBreak,
  insertUnnumberedParagraph,
  liftBullet,
  nextCellOrNewRow,
  previousCell,
  sinkBullet,
  toggleBold,
  toggleItalic,
  toggleUnderline,
} from "./commands";
import { linkCommand, type RequestLink } from "./link-command";

export interface KeymapOptions {
  onRequestLink: RequestLink;
}

/** The key bindings, in ProseMirror's notation ("Mod" is Ctrl, or Cmd on macOS). */
export function editorKeys(options: KeymapOptions): Record<string, Command> {
  return {
    Enter: enter,
    "Shift-Enter": insertHardBreak,
    "Mod-Enter": insertUnnumberedParagraph,
    Tab: chainCommands(nextCellOrNewRow, sinkBullet),
    "Shift-Tab": chainCommands(previousCell, liftBullet),
    "Mod-b": toggleBold,
    "Mod-i": toggleItalic,
    "Mod-u": toggleUnderline,
    "Mod-k": linkCommand(options.onRequestLink),
    "Mod-z": undo,
    "Mod-Shift-z": redo,
    "Mod-y": redo,
  };
}

/** The editor's keymap plugins: its own keys first, then ProseMirror's base keys. */
export function buildKeymaps(options: KeymapOptions): Plugin[] {
  return [keymap(editorKeys(options)), keymap(baseKeymap)];
}
