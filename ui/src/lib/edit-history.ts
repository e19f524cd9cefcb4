// One undo history for the whole paper in the editor, as in a word
// processor: Ctrl+Z undoes the last change wherever it was made (a section's
// body, a form field, a section added, moved or removed), not only the last
// change of the field that has the focus.
//
// The bodies keep their own ProseMirror histories (they survive an editor
// being unmounted far from the viewport); this history only records, in
// order, which body had the next undoable event, and asks that body to undo
// it. Form fields and structural changes are recorded here in full.

export type HistoryEntry =
  | { kind: "text"; key: number }
  | { kind: "field"; field: string; before: string; after: string; at: number }
  | { kind: "structure"; label: string; undo: () => void; redo: () => void };

/** What the history acts on. Each returns false when its target is gone, and the entry is skipped. */
export interface HistoryTargets {
  /** Undoes (or redoes) one event of the body of the section with this key. */
  text(key: number, redo: boolean): boolean;
  /** Sets a form field's value as if the user had typed it. */
  field(id: string, value: string): boolean;
}

/** How a body's own history moved after one of its transactions. */
export type BodyHistoryChange = "new" | "undo" | "redo";

export class EditHistory {
  private done: HistoryEntry[] = [];
  private undone: HistoryEntry[] = [];
  private applying = false;

  private readonly mergeMs: number;
  private readonly limit: number;
  private readonly onChange: () => void;

  constructor(
    private readonly targets: HistoryTargets,
    options: {
      /** Typing in one field within this long of the last keystroke is one step (ms; 1000). */
      mergeMs?: number;
      /** Steps kept (300): each structural step holds two copies of the document less its bodies, kilobytes. */
      limit?: number;
      /** Told after every change to what can be undone or redone (to enable Undo and Redo buttons). */
      onChange?: () => void;
    } = {},
  ) {
    this.mergeMs = options.mergeMs ?? 1000;
    this.limit = options.limit ?? 300;
    this.onChange = options.onChange ?? (() => {});
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** True while an undo or redo runs: the changes it causes are not new steps. */
  get isApplying(): boolean {
    return this.applying;
  }

  /** A body's history changed: a new event, or an undo or redo made in the body itself (its toolbar). */
  bodyChanged(key: number, change: BodyHistoryChange): void {
    if (this.applying) return;
    if (change === "new") {
      this.record({ kind: "text", key });
      return;
    }
    const [from, to] = change === "undo" ? [this.done, this.undone] : [this.undone, this.done];
    const at = from.findLastIndex((e) => e.kind === "text" && e.key === key);
    const [entry] = at >= 0 ? from.splice(at, 1) : [{ kind: "text", key } as HistoryEntry];
    if (entry) to.push(entry);
    this.onChange();
  }

  /** A form field changed from `before` to `after`; quick typing in the same field is merged. */
  fieldChanged(field: string, before: string, after: string, at: number): void {
    if (this.applying || before === after) return;
    const last = this.done[this.done.length - 1];
    if (last?.kind === "field" && last.field === field && at - last.at < this.mergeMs) {
      last.after = after;
      last.at = at;
      this.undone = [];
      this.onChange();
      return;
    }
    this.record({ kind: "field", field, before, after, at });
  }

  /** A change the caller can undo and redo itself (a section added, moved, removed …); returns its entry. */
  structure(label: string, undo: () => void, redo: () => void): HistoryEntry {
    const entry: HistoryEntry = { kind: "structure", label, undo, redo };
    this.record(entry);
    return entry;
  }

  /** Undoes the last change that can still be undone; returns it, or null when there is none. */
  undo(): HistoryEntry | null {
    return this.step(this.done, this.undone, false);
  }

  redo(): HistoryEntry | null {
    return this.step(this.undone, this.done, true);
  }

  /** Undoes one given entry wherever it is in the history (a notice's "Undo" button). */
  undoEntry(entry: HistoryEntry): boolean {
    const at = this.done.indexOf(entry);
    if (at < 0) return false;
    this.done.splice(at, 1);
    const applied = this.apply(entry, false);
    if (applied) this.undone.push(entry);
    this.onChange();
    return applied;
  }

  private record(entry: HistoryEntry): void {
    this.done.push(entry);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
    this.onChange();
  }

  private step(from: HistoryEntry[], to: HistoryEntry[], redo: boolean): HistoryEntry | null {
    try {
      for (let entry = from.pop(); entry; entry = from.pop()) {
        if (this.apply(entry, redo)) {
          to.push(entry);
          return entry;
        }
      }
      return null;
    } finally {
      this.onChange();
    }
  }

  private apply(entry: HistoryEntry, redo: boolean): boolean {
    this.applying = true;
    try {
      switch (entry.kind) {
        case "text":
          return this.targets.text(entry.key, redo);
        case "field":
          return this.targets.field(entry.field, redo ? entry.after : entry.before);
        case "structure":
          (redo ? entry.redo : entry.undo)();
          return true;
      }
    } finally {
      this.applying = false;
    }
  }
}

/** Ctrl+Z is undo; Ctrl+Shift+Z and Ctrl+Y are redo (Cmd on macOS). */
export function historyKeyOf(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">):
  | "undo"
  | "redo"
  | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === "z") return event.shiftKey ? "redo" : "undo";
  if (key === "y" && !event.shiftKey) return "redo";
  return null;
}
