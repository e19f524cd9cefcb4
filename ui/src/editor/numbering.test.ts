import { describe, expect, it } from "vitest";
import { EditorState, TextSelection } from "prosemirror-state";
import { liveNumbering, numberingKey, paragraphLabels, renumber } from "./numbering";
import { toEditorDoc } from "./mapping";
import { np, p, samplePaper } from "./__fixtures__/state";

const labelsOf = (state: EditorState) =>
  numberingKey
    .getState(state)!
    .find()
    .map((d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs["data-number"]);

describe("paragraph numbers", () => {
  it("restart in each section: section index 2 gives 3.1, 3.2", () => {
    const sections = [
      [np(p("a")), np(p("b")), np(p("c"))],
      [np(p("d"))],
      [np(p("e")), np(p("f"))],
    ];
    expect(sections.map((s, i) => paragraphLabels(toEditorDoc(s), i))).toEqual([["1.1", "1.2", "1.3"], ["2.1"], ["3.1", "3.2"]]);
  });

  it("number the sample paper's sections as Word will", () => {
    const paper = samplePaper();
    const labels = paper.sections.map((s, i) => paragraphLabels(toEditorDoc(s.paragraphs), i));
    labels.forEach((l, i) => {
      expect(l[0]).toBe(`${i + 1}.1`);
      expect(l.length).toBe(paper.sections[i]!.paragraphs.length);
    });
  });

  it("decorate every top-level numbered paragraph, and follow edits", () => {
    let section = 2;
    const plugin = liveNumbering(() => section);
    let state = EditorState.create({ doc: toEditorDoc([np(p("one")), np(p("two"))]), plugins: [plugin] });
    expect(labelsOf(state)).toEqual(["3.1", "3.2"]);

    // A new numbered paragraph at the end gets the next number.
    const end = state.doc.content.size;
    state = state.apply(state.tr.insert(end, state.schema.nodes.numbered_paragraph!.createAndFill()!));
    expect(labelsOf(state)).toEqual(["3.1", "3.2", "3.3"]);

    // Deleting the first renumbers the rest.
    state = state.apply(state.tr.delete(0, state.doc.child(0).nodeSize));
    expect(labelsOf(state)).toEqual(["3.1", "3.2"]);

    // The section moved: renumber() recomputes.
    section = 0;
    state = state.apply(renumber(state.tr));
    expect(labelsOf(state)).toEqual(["1.1", "1.2"]);
  });

  it("are not recomputed for a selection-only change", () => {
    const plugin = liveNumbering(() => 0);
    const state = EditorState.create({ doc: toEditorDoc([np(p("one")), np(p("two"))]), plugins: [plugin] });
    const before = numberingKey.getState(state);
    const moved = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 3)));
    expect(numberingKey.getState(moved)).toBe(before);
    const typed = moved.apply(moved.tr.insertText("x"));
    expect(numberingKey.getState(typed)).not.toBe(before);
  });

  it("never enter the document itself", () => {
    const plugin = liveNumbering(() => 4);
    const state = EditorState.create({ doc: toEditorDoc([np(p("one"))]), plugins: [plugin] });
    expect(state.doc.textContent).toBe("one");
  });
});
