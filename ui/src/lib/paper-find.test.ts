import { afterEach, describe, expect, it, vi } from "vitest";
import type { Node } from "prosemirror-model";
import { createSectionEditor, toEditorDoc, type NumberedParagraph, type SectionEditor } from "../editor";
import { np, p } from "../editor/__fixtures__/state";
import { PaperFind, type FindHost } from "./paper-find";

/** A paper of three sections whose editors exist only once revealed, as near the screen in the app. */
function paper(bodies: Record<number, unknown[]>, headings: Record<number, string> = {}) {
  const editors = new Map<number, SectionEditor>();
  const hosts: HTMLElement[] = [];
  const json = new Map<number, unknown[]>(Object.entries(bodies).map(([k, v]) => [Number(k), v]));
  const revealed: number[] = [];
  const marked: Array<[number, { from: number; to: number } | null]> = [];
  const selected: Array<[number, { from: number; to: number }]> = [];
  const host: FindHost = {
    keys: () => [...json.keys()],
    body: (key) => {
      const live = editors.get(key)?.view.state.doc;
      if (live) return { id: live, doc: () => live };
      const source = json.get(key)!;
      return { id: source, doc: (): Node => toEditorDoc(source) };
    },
    editor: (key) => editors.get(key),
    reveal: (key) => {
      revealed.push(key);
      const element = document.body.appendChild(document.createElement("div"));
      hosts.push(element);
      editors.set(
        key,
        createSectionEditor(element, {
          paragraphs: json.get(key) as NumberedParagraph[],
          sectionIndex: key,
          onChange: vi.fn(),
          onRequestLink: async () => null,
        }),
      );
    },
    heading: (key) => headings[key] ?? "",
    markHeading: (key, range) => marked.push([key, range && { from: range.from, to: range.to }]),
    selectInHeading: (key, range) => selected.push([key, { from: range.from, to: range.to }]),
  };
  const highlighted = () =>
    hosts.flatMap((h) => Array.from(h.querySelectorAll(".bw-find-match")).map((e) => e.textContent ?? ""));
  const destroy = () => {
    editors.forEach((e) => e.destroy());
    hosts.forEach((h) => h.remove());
  };
  return { host, editors, revealed, marked, selected, highlighted, destroy };
}

describe("Find in the whole paper", () => {
  let cleanup: () => void = () => {};
  afterEach(() => cleanup());

  it("counts matches in sections without an editor and shows each once its section is brought up", async () => {
    const doc = paper({ 0: [np(p("The board met."))], 1: [np(p("Nothing here."))], 2: [np(p("Board one")), np(p("board two"))] });
    cleanup = doc.destroy;
    const finder = new PaperFind(doc.host);
    finder.search("board");
    expect(finder.matches.map((m) => [m.section, m.match.block])).toEqual([[0, 0], [2, 0], [2, 1]]);
    expect(doc.revealed).toEqual([]);

    expect(await finder.step(0)).toBe(true);
    expect(doc.revealed).toEqual([0]);
    expect(doc.highlighted()).toEqual(["board"]);
    expect(await finder.step(1)).toBe(true);
    expect(doc.revealed).toEqual([0, 2]);
    expect(doc.highlighted()).toEqual(["Board"]);
    expect(await finder.step(1)).toBe(true);
    expect(await finder.step(1)).toBe(true);
    expect(finder.current).toBe(0);
    expect(doc.highlighted()).toEqual(["board"]);
    expect(await finder.step(-1)).toBe(true);
    expect(finder.current).toBe(2);
    expect(doc.highlighted()).toEqual(["board"]);

    finder.finish(true);
    expect(doc.highlighted()).toEqual([]);
    const editor = doc.editors.get(2)!;
    const { from, to } = editor.view.state.selection;
    expect(editor.view.state.doc.textBetween(from, to)).toBe("board");
  });

  it("finds again when the paper changed, and goes on from where it was", async () => {
    const doc = paper({ 0: [np(p("alpha board"))], 1: [np(p("board beta board"))] });
    cleanup = doc.destroy;
    const finder = new PaperFind(doc.host);
    finder.search("board");
    await finder.step(0);
    await finder.step(1);
    expect([finder.current, finder.matches.length]).toEqual([1, 3]);
    // The current match's word is deleted: "next" goes to the match after where it was.
    const editor = doc.editors.get(1)!;
    editor.view.dispatch(editor.view.state.tr.delete(1 + 1, 1 + 1 + "board ".length));
    expect(await finder.step(1)).toBe(true);
    expect(finder.matches.length).toBe(2);
    expect(finder.current).toBe(1);
    expect(doc.highlighted()).toEqual(["board"]);
    const range = editor.view.state.doc.textContent.indexOf("board");
    expect(range).toBe("beta ".length);
  });

  it("finds in the headings too, before the section's body, and selects there", async () => {
    const doc = paper({ 0: [np(p("Nothing"))], 1: [np(p("The response follows."))] }, { 0: "Purpose", 1: "Response" });
    cleanup = doc.destroy;
    const finder = new PaperFind(doc.host);
    finder.search("response");
    expect(finder.matches.map((m) => [m.section, m.match.block])).toEqual([[1, -1], [1, 0]]);
    expect(await finder.step(0)).toBe(true);
    expect(doc.marked).toEqual([[1, { from: 0, to: 8 }]]);
    expect(doc.highlighted()).toEqual([]);
    // On to the body: the heading is unmarked, the body's match highlighted.
    expect(await finder.step(1)).toBe(true);
    expect(doc.marked.at(-1)).toEqual([1, null]);
    expect(doc.highlighted()).toEqual(["response"]);
    await finder.step(1);
    finder.finish(true);
    expect(doc.selected).toEqual([[1, { from: 0, to: 8 }]]);
  });

  it("says there is nothing to show when nothing matches", async () => {
    const doc = paper({ 0: [np(p("text"))] });
    cleanup = doc.destroy;
    const finder = new PaperFind(doc.host);
    finder.search("absent");
    expect(finder.current).toBe(-1);
    expect(await finder.step(1)).toBe(false);
    expect(doc.revealed).toEqual([]);
  });
});
