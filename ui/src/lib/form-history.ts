// A form screen's side of the one undo history (edit-history.ts): its text
// fields and choices recorded by element id as the user types, set back as
// if typed, and Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y taken before the fields' and
// editors' own undo. Used by the paper editor and the Section 55 report.

import { historyKeyOf, type EditHistory } from "./edit-history";
import { notify } from "./notices.svelte";

type FormField = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A search box (Find in this paper): not part of the document, with its own undo. */
function isSearchBox(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && target.type === "search";
}

/**
 * A text field or choice with an id (radios and checkboxes change through
 * the screen's structural steps; a search box is not the document's).
 */
export function formField(target: EventTarget | null): FormField | null {
  if (isSearchBox(target)) return null;
  if (target instanceof HTMLInputElement) return target.id && target.type !== "radio" && target.type !== "checkbox" ? target : null;
  if (target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return target.id ? target : null;
  return null;
}

export class FieldHistory {
  /** Each field's value before the change being typed, by element id. */
  private readonly values = new Map<string, string>();

  constructor(
    private readonly history: () => EditHistory,
    private readonly root: () => HTMLElement | undefined,
  ) {}

  /** For the root's focusin and beforeinput: the value a change starts from. */
  readonly remember = (event: Event): void => {
    const field = formField(event.target);
    if (field) this.values.set(field.id, field.value);
  };

  /** For the root's input and change. */
  readonly record = (event: Event): void => {
    const field = formField(event.target);
    const history = this.history();
    if (!field || history.isApplying) return;
    history.fieldChanged(field.id, this.values.get(field.id) ?? "", field.value, performance.now());
    this.values.set(field.id, field.value);
  };

  /** Sets the field `id` to `value` as if typed (its own handlers update the document); false if it is gone. */
  set(id: string, value: string): boolean {
    const field = formField(document.getElementById(id));
    if (!field || !this.root()?.contains(field)) return false;
    field.value = value;
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.dispatchEvent(new Event("change", { bubbles: true }));
    this.values.set(id, value);
    field.focus();
    return true;
  }

  /** After the screen's shape was put back: field values moved with it, so what is typed next starts from the screen. */
  forget(): void {
    this.values.clear();
  }
}

/**
 * A window keydown listener (add it capturing) that sends the history keys
 * pressed in `root`, or with nothing focused, to `step`; keys in dialogs
 * outside the root, and in a search box, keep their own undo.
 */
export function historyKeyListener(root: () => HTMLElement | undefined, step: (which: "undo" | "redo") => void) {
  return (event: KeyboardEvent): void => {
    const which = historyKeyOf(event);
    const within = root();
    const target = event.target;
    if (!which || !within || (target instanceof Node && target !== document.body && !within.contains(target))) return;
    if (isSearchBox(target)) return;
    event.preventDefault();
    event.stopPropagation();
    step(which);
  };
}

/** Undoes or redoes one step; a structural one is announced, as it may have changed something off screen. */
export function stepAndAnnounce(history: EditHistory, which: "undo" | "redo"): void {
  const entry = which === "undo" ? history.undo() : history.redo();
  if (entry?.kind === "structure") notify(`${which === "undo" ? "Undone" : "Redone"}: ${entry.label}.`);
}
