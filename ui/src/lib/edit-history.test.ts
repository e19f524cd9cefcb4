import { describe, expect, it } from "vitest";
import { EditHistory, historyKeyOf, type HistoryTargets } from "./edit-history";

/** A paper in miniature: bodies with their own undo stacks (as ProseMirror keeps them) and form fields. */
class World implements HistoryTargets {
  bodies = new Map<number, { text: string; undo: string[]; redo: string[] }>();
  fields = new Map<string, string>();
  history = new EditHistory(this);

  type(key: number, text: string) {
    const body = this.bodies.get(key) ?? { text: "", undo: [], redo: [] };
    this.bodies.set(key, body);
    body.undo.push(body.text);
    body.redo = [];
    body.text = text;
    this.history.bodyChanged(key, "new");
  }

  fill(id: string, value: string, at: number) {
    const before = this.fields.get(id) ?? "";
    this.fields.set(id, value);
    this.history.fieldChanged(id, before, value, at);
  }

  text(key: number, redo: boolean): boolean {
    const body = this.bodies.get(key);
    const [from, to] = redo ? [body?.redo, body?.undo] : [body?.undo, body?.redo];
    const previous = from?.pop();
    if (!body || previous === undefined || !to) return false;
    to.push(body.text);
    body.text = previous;
    // The body reports its own history moving; the history must not record it again.
    this.history.bodyChanged(key, redo ? "redo" : "undo");
    return true;
  }

  field(id: string, value: string): boolean {
    if (!this.fields.has(id)) return false;
    this.fields.set(id, value);
    this.history.fieldChanged(id, "?", value, 0);
    return true;
  }

  textOf(key: number) {
    return this.bodies.get(key)?.text;
  }
}

describe("EditHistory", () => {
  it("undoes the last change wherever it was made, across bodies and fields", () => {
    const w = new World();
    w.type(1, "Quokka");
    w.fill("title", "Budget", 0);
    w.type(20, "Wombat");

    expect(w.history.undo()).toEqual({ kind: "text", key: 20 });
    expect(w.textOf(20)).toBe("");
    expect(w.textOf(1)).toBe("Quokka");
    w.history.undo();
    expect(w.fields.get("title")).toBe("");
    w.history.undo();
    expect(w.textOf(1)).toBe("");
    expect(w.history.undo()).toBeNull();
    expect(w.history.canUndo).toBe(false);
  });

  it("redoes in the order it undid, and a new change drops what was undone", () => {
    const w = new World();
    w.type(1, "a");
    w.type(2, "b");
    w.history.undo();
    w.history.undo();
    w.history.redo();
    expect([w.textOf(1), w.textOf(2)]).toEqual(["a", ""]);
    w.history.redo();
    expect(w.textOf(2)).toBe("b");
    w.history.undo();
    w.fill("title", "x", 0);
    expect(w.history.canRedo).toBe(false);
    expect(w.history.redo()).toBeNull();
  });

  it("merges quick typing in one field into one step, but not slow typing or another field", () => {
    const w = new World();
    w.fill("title", "B", 0);
    w.fill("title", "Bu", 300);
    w.fill("title", "Bud", 900);
    w.fill("title", "Budget", 5000);
    w.fill("to", "Board", 5100);
    w.history.undo();
    expect(w.fields.get("to")).toBe("");
    w.history.undo();
    expect(w.fields.get("title")).toBe("Bud");
    w.history.undo();
    expect(w.fields.get("title")).toBe("");
    expect(w.history.canUndo).toBe(false);
  });

  it("keeps in step with an undo made in a body itself (its toolbar)", () => {
    const w = new World();
    w.type(1, "one");
    w.type(2, "two");
    w.type(1, "one more");
    // The body of section 1 undoes on its own: its last entry goes to the redo side.
    const body = w.bodies.get(1)!;
    body.redo.push(body.text);
    body.text = body.undo.pop()!;
    w.history.bodyChanged(1, "undo");

    w.history.undo();
    expect(w.textOf(2)).toBe("");
    w.history.undo();
    expect(w.textOf(1)).toBe("");
    expect(w.history.canUndo).toBe(false);
  });

  it("undoes and redoes structural changes through the caller's own functions", () => {
    const w = new World();
    const sections = ["Background", "Finance"];
    const removed = sections.splice(1, 1);
    w.history.structure("Removed section Finance", () => sections.push(...removed), () => sections.pop());
    w.history.undo();
    expect(sections).toEqual(["Background", "Finance"]);
    w.history.redo();
    expect(sections).toEqual(["Background"]);
  });

  it("undoes one given entry out of order (a notice's Undo), leaving the rest", () => {
    const w = new World();
    const sections = ["A", "B"];
    const entry = w.history.structure("Removed B", () => sections.push("B"), () => sections.pop());
    sections.pop();
    w.type(1, "later");
    expect(w.history.undoEntry(entry)).toBe(true);
    expect(sections).toEqual(["A", "B"]);
    expect(w.history.undoEntry(entry)).toBe(false);
    w.history.undo();
    expect(w.textOf(1)).toBe("");
  });

  it("skips a change whose target is gone and undoes the one before it", () => {
    const w = new World();
    w.fill("title", "Budget", 0);
    w.fill("reason", "FOIA s31", 5000);
    w.fields.delete("reason");
    expect(w.history.undo()).toMatchObject({ kind: "field", field: "title" });
    expect(w.fields.get("title")).toBe("");
  });

  it("keeps at most its limit of steps", () => {
    const w = new World();
    w.history = new EditHistory(w, { limit: 3 });
    for (const t of ["a", "b", "c", "d", "e"]) w.type(1, t);
    let undone = 0;
    while (w.history.undo()) undone++;
    expect(undone).toBe(3);
    expect(w.textOf(1)).toBe("b");
  });
  it("tells its listener whenever what can be undone or redone changes", () => {
    const seen: Array<[boolean, boolean]> = [];
    const targets: HistoryTargets = { text: () => true, field: () => true };
    const history: EditHistory = new EditHistory(targets, { onChange: () => seen.push([history.canUndo, history.canRedo]) });
    history.bodyChanged(1, "new");
    history.undo();
    history.redo();
    expect(seen).toEqual([
      [true, false],
      [false, true],
      [true, false],
    ]);
  });
});

describe("historyKeyOf", () => {
  const key = (key: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "shiftKey" | "altKey", boolean>> = {}) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });

  it("reads Ctrl+Z as undo, Ctrl+Shift+Z and Ctrl+Y as redo", () => {
    expect(historyKeyOf(key("z", { ctrlKey: true }))).toBe("undo");
    expect(historyKeyOf(key("Z", { ctrlKey: true, shiftKey: true }))).toBe("redo");
    expect(historyKeyOf(key("y", { ctrlKey: true }))).toBe("redo");
    expect(historyKeyOf(key("z", { metaKey: true }))).toBe("undo");
  });

  it("leaves other keys alone", () => {
    expect(historyKeyOf(key("z"))).toBeNull();
    expect(historyKeyOf(key("z", { ctrlKey: true, altKey: true }))).toBeNull();
    expect(historyKeyOf(key("b", { ctrlKey: true }))).toBeNull();
  });
});
