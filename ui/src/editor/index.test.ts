import { afterEach, describe, expect, it, vi } from "vitest";
import { TextSelection } from "prosemirror-state";
import { createSectionEditor, readerOfDoc, stepHistoryOf, type ParagraphsReader, type SectionEditor } from "./index";
import type { NumberedParagraph } from "./types";
import { fixture, li, np, p, samplePaper, text, ul } from "./__fixtures__/state";

let editor: SectionEditor | null = null;
let host: HTMLElement;

afterEach(() => {
  editor?.destroy();
  editor = null;
  host?.remove();
});

function make(paragraphs: unknown[], extra: Partial<Parameters<typeof createSectionEditor>[1]> = {}) {
  host = document.body.appendChild(document.createElement("div"));
  const onChange = vi.fn<(read: ParagraphsReader) => void>();
  const onRequestLink = vi.fn<(href: string | null) => Promise<string | null>>(async () => null);
  editor = createSectionEditor(host, {
    paragraphs: paragraphs as NumberedParagraph[],
    sectionIndex: 2,
    onChange,
    onRequestLink,
    label: "Background",
    ...extra,
  });
  return { editor, onChange, onRequestLink };
}

function numbers(): Array<string | null> {
  return Array.from(host.querySelectorAll(".numbered-paragraph")).map((e) => e.getAttribute("data-number"));
}

function key(ed: SectionEditor, init: KeyboardEventInit): boolean {
  const event = new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init });
  return ed.view.someProp("handleKeyDown", (f) => f(ed.view, event)) ?? false;
}

/** jsdom has no ClipboardEvent; ProseMirror only needs an event object here. */
const pasteEvent = () => new Event("paste") as ClipboardEvent;

function cursorAtEnd(ed: SectionEditor, npIndex = 0) {
  let pos = 0;
  for (let i = 0; i <= npIndex; i++) pos += ed.view.state.doc.child(i).nodeSize;
  const $end = ed.view.state.doc.resolve(pos - 2);
  ed.view.dispatch(ed.view.state.tr.setSelection(TextSelection.create(ed.view.state.doc, $end.pos)));
}

describe("createSectionEditor", () => {
  it("sets up an accessible, spell-checked (en-GB) text box", () => {
    const { editor } = make([np(p("x"))]);
    const dom = editor.view.dom;
    expect(dom.getAttribute("contenteditable")).toBe("true");
    expect(dom.getAttribute("spellcheck")).toBe("true");
    expect(dom.getAttribute("lang")).toBe("en-GB");
    expect(dom.getAttribute("role")).toBe("textbox");
    expect(dom.getAttribute("aria-multiline")).toBe("true");
    expect(dom.getAttribute("aria-label")).toBe("Background");
    expect(dom.classList.contains("bw-editor")).toBe(true);
  });

  it("can turn spell checking off", () => {
    const { editor } = make([np(p("x"))], { spellcheck: false });
    expect(editor.view.dom.getAttribute("spellcheck")).toBe("false");
  });

  it("shows live numbers as data-number on each numbered paragraph", () => {
    const { editor } = make([np(p("one")), np(p("two"))]);
    expect(numbers()).toEqual(["3.1", "3.2"]);
    editor.setSectionIndex(0);
    expect(numbers()).toEqual(["1.1", "1.2"]);
  });

  it("can hide the live numbers (numbered: false) and still edit and report the same JSON", () => {
    const { editor, onChange } = make([np(p("one")), np(p("two"))], { numbered: false });
    expect(editor.view.dom.classList.contains("bw-unnumbered")).toBe(true);
    expect(numbers()).toEqual([null, null]);
    editor.setSectionIndex(0);
    expect(numbers()).toEqual([null, null]);
    cursorAtEnd(editor);
    expect(key(editor, { key: "Enter" })).toBe(true);
    expect(numbers()).toEqual([null, null, null]);
    expect(onChange.mock.lastCall![0]()).toEqual([np(p("one")), np({ type: "paragraph" }), np(p("two"))]);
  });

  it("numbers by default (no bw-unnumbered class)", () => {
    const { editor } = make([np(p("one"))]);
    expect(editor.view.dom.classList.contains("bw-unnumbered")).toBe(false);
    expect(numbers()).toEqual(["3.1"]);
  });

  it("calls onChange with a reader of the model JSON after a change, not after a selection move", () => {
    const { editor, onChange } = make([np(p("one"))]);
    cursorAtEnd(editor);
    expect(onChange).not.toHaveBeenCalled();
    editor.view.dispatch(editor.view.state.tr.insertText(" more"));
    expect(onChange).toHaveBeenCalledTimes(1);
    const read = onChange.mock.calls[0]![0];
    expect(read()).toEqual([np(p("one more"))]);
    expect(editor.getParagraphs()).toBe(read());
    // A reader answers for its own document, whatever came after it.
    editor.view.dispatch(editor.view.state.tr.insertText("!"));
    expect(read()).toEqual([np(p("one more"))]);
    expect(onChange.mock.lastCall![0]()).toEqual([np(p("one more!"))]);
  });

  it("Enter (a key press) makes the next numbered paragraph appear", () => {
    const { editor, onChange } = make([np(p("one"))]);
    cursorAtEnd(editor);
    expect(key(editor, { key: "Enter" })).toBe(true);
    expect(numbers()).toEqual(["3.1", "3.2"]);
    expect(onChange.mock.lastCall![0]()).toEqual([np(p("one")), np({ type: "paragraph" })]);
  });

  it("Ctrl+B toggles bold and Ctrl+Z undoes it", () => {
    const { editor } = make([np(p("bold me"))]);
    editor.view.dispatch(editor.view.state.tr.setSelection(TextSelection.create(editor.view.state.doc, 2, 6)));
    expect(key(editor, { key: "b", ctrlKey: true })).toBe(true);
    expect(editor.getParagraphs()).toEqual([np({ type: "paragraph", content: [text("bold", [{ type: "bold" }]), text(" me")] })]);
    expect(key(editor, { key: "z", ctrlKey: true })).toBe(true);
    expect(editor.getParagraphs()).toEqual([np(p("bold me"))]);
  });

  it("a destroyed editor's state resumes in a new one, undo history and new number included", () => {
    const first = make([np(p("one"))]);
    cursorAtEnd(first.editor);
    expect(key(first.editor, { key: "Enter" })).toBe(true);
    const state = first.editor.state();
    first.editor.destroy();
    host.remove();
    const { editor, onChange } = make([np(p("ignored: the resumed state wins"))], { resume: state, sectionIndex: 4 });
    expect(numbers()).toEqual(["5.1", "5.2"]);
    expect(onChange).not.toHaveBeenCalled();
    expect(key(editor, { key: "z", ctrlKey: true })).toBe(true);
    expect(editor.getParagraphs()).toEqual([np(p("one"))]);
    expect(onChange.mock.lastCall![0]()).toEqual([np(p("one"))]);
  });

  it("Ctrl+Shift+Z and Ctrl+Y redo; Shift+Enter is a line break", () => {
    const { editor } = make([np(p("ab"))]);
    editor.view.dispatch(editor.view.state.tr.setSelection(TextSelection.create(editor.view.state.doc, 3)));
    expect(key(editor, { key: "Enter", shiftKey: true })).toBe(true);
    const broken = [np({ type: "paragraph", content: [text("a"), { type: "hard_break" }, text("b")] })];
    expect(editor.getParagraphs()).toEqual(broken);
    key(editor, { key: "z", ctrlKey: true });
    expect(editor.getParagraphs()).toEqual([np(p("ab"))]);
    expect(key(editor, { key: "Z", keyCode: 90, ctrlKey: true, shiftKey: true })).toBe(true);
    expect(editor.getParagraphs()).toEqual(broken);
    key(editor, { key: "z", ctrlKey: true });
    expect(key(editor, { key: "y", ctrlKey: true })).toBe(true);
    expect(editor.getParagraphs()).toEqual(broken);
  });

  it("Tab in a bullet nests it; outside lists and tables Tab is not taken", () => {
    const { editor } = make([np(p("Lead"), ul(li(p("a")), li(p("b"))))]);
    const end = editor.view.state.doc.content.size - 4;
    editor.view.dispatch(editor.view.state.tr.setSelection(TextSelection.create(editor.view.state.doc, end)));
    expect(editor.view.state.selection.$from.parent.textContent).toBe("b");
    expect(key(editor, { key: "Tab" })).toBe(true);
    expect(editor.getParagraphs()).toEqual([np(p("Lead"), ul(li(p("a"), ul(li(p("b"))))))]);
    editor.view.dispatch(editor.view.state.tr.setSelection(TextSelection.create(editor.view.state.doc, 3)));
    expect(key(editor, { key: "Tab" })).toBe(false);
  });

  it("Ctrl+K asks the host for the address and applies only allowed links", async () => {
    const answers = ["javascript:alert(1)", "https://www.justiceinspectorates.gov.uk/hmicfrs/"];
    const onRequestLink = vi.fn(async (_href: string | null) => answers.shift() ?? null);
    const { editor } = make([np(p("the report"))], { onRequestLink });
    editor.view.dispatch(editor.view.state.tr.setSelection(TextSelection.create(editor.view.state.doc, 6, 12)));
    expect(key(editor, { key: "k", ctrlKey: true })).toBe(true);
    await vi.waitFor(() => expect(onRequestLink).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    expect(editor.getParagraphs()).toEqual([np(p("the report"))]);
    expect(onRequestLink).toHaveBeenLastCalledWith(null);
    key(editor, { key: "k", ctrlKey: true });
    await vi.waitFor(() =>
      expect(editor.getParagraphs()).toEqual([
        np({ type: "paragraph", content: [text("the "), text("report", [{ type: "link", attrs: { href: "https://www.justiceinspectorates.gov.uk/hmicfrs/" } }])] }),
      ]),
    );
    expect(host.querySelector("a")?.getAttribute("href")).toBe("https://www.justiceinspectorates.gov.uk/hmicfrs/");
  });

  it("pastes Word HTML as clean nested bullets", () => {
    const { editor } = make([np(p("Lead"))]);
    cursorAtEnd(editor);
    editor.view.pasteHTML(fixture("word-list-three-level.html"), pasteEvent());
    const out = JSON.stringify(editor.getParagraphs());
    expect(out).toContain('"Supervision of investigations"');
    expect(out).not.toMatch(/mso|Arial|·/);
    const lists = host.querySelectorAll("ul ul ul");
    expect(lists.length).toBe(1);
    expect(lists[0]!.textContent).toBe("Supervision of investigationsVictim updates");
  });

  it("pastes several paragraphs as several numbered paragraphs", () => {
    const { editor } = make([np(p("Start: "))]);
    cursorAtEnd(editor);
    editor.view.pasteHTML(fixture("word-paragraphs.html"), pasteEvent());
    expect(numbers()).toEqual(["3.1", "3.2", "3.3"]);
    const first = editor.getParagraphs()[0]!.content[0]!;
    expect(JSON.stringify(first)).toContain("Start: The Board is invited to ");
  });

  it("pastes plain text keeping its paragraphs, and bullet lines as bullets", () => {
    const { editor } = make([np({ type: "paragraph" })]);
    editor.view.pasteText("First paragraph.\r\n\r\nSecond paragraph:\n• one\n• two\nThird.", pasteEvent());
    expect(editor.getParagraphs()).toEqual([
      np(p("First paragraph.")),
      np(p("Second paragraph:"), ul(li(p("one")), li(p("two")))),
      np(p("Third.")),
    ]);
  });

  it("pastes a list into the middle of a paragraph as a whole block", () => {
    const { editor } = make([np(p("Lead"))]);
    editor.view.dispatch(editor.view.state.tr.setSelection(TextSelection.create(editor.view.state.doc, 4)));
    editor.view.pasteHTML("<ul><li>a<ul><li>a.1</li></ul></li><li>b</li></ul>", pasteEvent());
    expect(editor.getParagraphs()).toEqual([np(p("Le"), ul(li(p("a"), ul(li(p("a.1")))), li(p("b"))), p("ad"))]);
  });

  it("pastes inside a bullet as bullets, not numbered paragraphs", () => {
    const { editor } = make([np(p("Lead"), ul(li(p("a"))))]);
    const end = editor.view.state.doc.content.size - 4;
    editor.view.dispatch(editor.view.state.tr.setSelection(TextSelection.create(editor.view.state.doc, end)));
    editor.view.pasteHTML("<p>x</p><p>y</p>", pasteEvent());
    expect(editor.getParagraphs().length).toBe(1);
  });

  it("pastes hostile HTML without anything active reaching the document", () => {
    const { editor } = make([np(p("x"))]);
    cursorAtEnd(editor);
    editor.view.pasteHTML('<p>a<img src=x onerror="globalThis.__pwned=1"><a href="javascript:alert(1)">b</a><script>globalThis.__pwned=2</script></p>', pasteEvent());
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
    expect(host.querySelector("img, script")).toBeNull();
    expect(JSON.stringify(editor.getParagraphs())).not.toContain("javascript");
    expect(editor.view.state.doc.textContent).toBe("xab");
  });

  it("setParagraphs replaces the content without calling onChange; wordCount counts words", () => {
    const { editor, onChange } = make([np(p("x"))]);
    const section = samplePaper().sections[3]!;
    editor.setParagraphs(section.paragraphs as NumberedParagraph[]);
    expect(onChange).not.toHaveBeenCalled();
    expect(editor.getParagraphs()).toEqual(section.paragraphs);
    const words = JSON.stringify(section.paragraphs).match(/"text":"([^"]*)"/g)!.map((t) => t.slice(8, -1)).join(" ");
    expect(editor.wordCount()).toBe(words.split(/\s+/).filter(Boolean).length);
    expect(numbers()[0]).toBe("3.1");
  });

  it("setParagraphs with the editor's own content keeps the cursor and the undo history", () => {
    const { editor, onChange } = make([np(p("one"))]);
    cursorAtEnd(editor);
    editor.view.dispatch(editor.view.state.tr.insertText("!"));
    const state = editor.view.state;
    editor.setParagraphs(onChange.mock.lastCall![0]());
    editor.setParagraphs(JSON.parse(JSON.stringify(onChange.mock.lastCall![0]())));
    expect(editor.view.state).toBe(state);
    editor.setParagraphs([np(p("other"))] as NumberedParagraph[]);
    expect(editor.view.state).not.toBe(state);
    expect(editor.getParagraphs()).toEqual([np(p("other"))]);
  });

  it("counts words across hard breaks and bullets", () => {
    const { editor } = make([np({ type: "paragraph", content: [text("one"), { type: "hard_break" }, text("two")] }, ul(li(p("three four"))))]);
    expect(editor.wordCount()).toBe(4);
  });

  it("exposes toolbar actions the host can render", () => {
    const { editor } = make([np(p("x"))]);
    const ids = editor.actions.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining(["bold", "italic", "underline", "link", "bulletList", "insertTable", "addRowAfter", "addColumnAfter", "deleteRow", "deleteColumn", "deleteTable", "undo", "redo"]));
    const table = editor.actions.find((a) => a.id === "insertTable")!;
    const addRow = editor.actions.find((a) => a.id === "addRowAfter")!;
    expect(addRow.isEnabled(editor.view.state)).toBe(false);
    expect(table.run(editor.view)).toBe(true);
    expect(addRow.isEnabled(editor.view.state)).toBe(true);
    const bold = editor.actions.find((a) => a.id === "bold")!;
    expect(bold.shortcut).toBe("Mod-b");
    expect(bold.isActive!(editor.view.state)).toBe(false);
  });
  it("tells the host how its undo history moved: new events, undo and redo, not merged typing or renumbering", () => {
    const changes: string[] = [];
    const { editor } = make([np(p("Budget"))], { onHistory: (c) => changes.push(c) });
    editor.view.dispatch(editor.view.state.tr.insertText(" one"));
    // Typing straight on is merged into the same event by ProseMirror's history.
    editor.view.dispatch(editor.view.state.tr.insertText(" two"));
    editor.setSectionIndex(5);
    expect(changes).toEqual(["new"]);
    expect(editor.stepHistory(false)).toBe(true);
    expect(editor.view.state.doc.textContent).toBe("Budget");
    expect(editor.stepHistory(true)).toBe(true);
    expect(editor.stepHistory(true)).toBe(false);
    expect(changes).toEqual(["new", "undo", "redo"]);
  });

  it("undoes in the state of an editor no longer shown", () => {
    const { editor } = make([np(p("Budget"))]);
    editor.view.dispatch(editor.view.state.tr.insertText(" cut"));
    const retired = editor.state();
    const typed = retired.doc.textContent;
    expect(typed).not.toBe("Budget");
    const undone = stepHistoryOf(retired, false);
    expect(undone?.doc.textContent).toBe("Budget");
    expect(stepHistoryOf(undone!, false)).toBeNull();
    expect(stepHistoryOf(undone!, true)?.doc.textContent).toBe(typed);
    // The host keeps a reader of the undone body: its JSON is the undone text, built once.
    const read = readerOfDoc(undone!.doc);
    expect(read()).toEqual([np(p("Budget"))]);
    expect(read()).toBe(read());
  });
});
