// The rich-text editor of one section's body: the public API.
//
//   const editor = createSectionEditor(host, {
//     paragraphs: section.paragraphs, sectionIndex: 2, label: "Background",
//     onChange: (read) => scheduleAutosave(read),
//     onRequestLink: (href) => myLinkDialog(href),
//   });
//
// onChange is called after every transaction that changed the document
// (typing, paste, undo …), synchronously, with a reader of the section's
// `paragraphs` JSON. The JSON is built when the reader is first called
// (fromEditorDoc: one linear walk), not on every keystroke: a host that
// saves a second after the last key builds it once, and typing leaves no
// section-sized garbage behind. A reader keeps answering for the document
// it was made for. Host-initiated setParagraphs() does not call onChange.

import "./editor.css";
import type { Node } from "prosemirror-model";
import { EditorState, Plugin, type Transaction } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { history, isHistoryTransaction, redo, undo, undoDepth } from "prosemirror-history";
import { gapCursor } from "prosemirror-gapcursor";
import { tableEditing } from "prosemirror-tables";
import { createToolbarActions, type ToolbarAction } from "./actions";
import { clipboardPlugin } from "./clipboard";
import { buildKeymaps } from "./keymap";
import type { RequestLink } from "./link-command";
import { findHighlight, highlightMatch, matchRange, selectMatch, type BodyMatch } from "./find";
import { fromEditorDoc, toEditorDoc } from "./mapping";
import { countWordsOf } from "../lib/words";
import { liveNumbering, renumber } from "./numbering";
import type { NumberedParagraph } from "./types";

export type { ToolbarAction } from "./actions";
export type { RequestLink, LinkResult } from "./link-command";
export type * from "./types";
export { schema } from "./schema";
export { toEditorDoc, fromEditorDoc, BodyFormatError } from "./mapping";
export { paragraphLabels, paragraphLabel } from "./numbering";
export { cleanPastedHtml } from "./paste";
export { isAllowedLink, normaliseLinkInput } from "./links";
export { findMatches, textblocks, type BodyMatch } from "./find";

/** The `paragraphs` JSON of one state of a body, built on the first call and then kept. */
export type ParagraphsReader = () => NumberedParagraph[];

/** A body's paragraphs as a host keeps them: the JSON, or the reader its editor last gave. */
export type BodySource = NumberedParagraph[] | ParagraphsReader;

/** A reader of `doc`'s paragraphs, built (by `build`) on its first call. */
export function readerOfDoc(doc: Node, build: (doc: Node) => NumberedParagraph[] = fromEditorDoc): ParagraphsReader {
  let read: NumberedParagraph[] | null = null;
  return () => (read ??= build(doc));
}

/** The paragraphs of `source`, built now if it is a reader. */
export function paragraphsOfBody(source: BodySource): NumberedParagraph[] {
  return typeof source === "function" ? source() : source;
}

export interface SectionEditorOptions {
  /** The section's `paragraphs` (docs/paper-format.md). An empty array gives one empty numbered paragraph. */
  paragraphs: NumberedParagraph[];
  /** 0-based: section index 2 numbers its paragraphs 3.1, 3.2 … */
  sectionIndex: number;
  /** Called after each change to the document, with a reader of the new `paragraphs`. Debounce autosave in the host. */
  onChange: (read: ParagraphsReader) => void;
  /** Asks the author for a link address: resolve the address, "" to remove the link, null to cancel. */
  onRequestLink: (href: string | null) => Promise<string | null>;
  /** Spell checking (en-GB) in the editable element; on by default. */
  spellcheck?: boolean;
  /** The accessible name of the editable element, e.g. the section heading. */
  label?: string;
  /**
   * The state of an earlier editor of the same body (from `state()` before it
   * was destroyed): the editor resumes it, undo history and selection too,
   * instead of starting from `paragraphs`.
   */
  resume?: EditorState;
  /**
   * Live paragraph numbers (1.1, 1.2 …); on by default. Off for text that is
   * not printed as numbered paragraphs (e.g. a Section 55 response's comments):
   * no numbers are decorated and the editor gets the class `bw-unnumbered`.
   */
  numbered?: boolean;
  /**
   * Told how the editor's own undo history moved after each transaction: a
   * new undoable event, or an undo or redo (for a host that keeps one history
   * across several editors).
   */
  onHistory?: (change: "new" | "undo" | "redo") => void;
}

export interface SectionEditor {
  readonly view: EditorView;
  /** Renumbers the paragraphs after the section moved (no onChange, no undo step). */
  setSectionIndex(sectionIndex: number): void;
  /**
   * Replaces the content (e.g. another paper was opened): clears the undo
   * history, no onChange. Content equal to the editor's is ignored, so
   * passing onChange's output back does not reset the cursor.
   * Throws BodyFormatError on content the format does not know.
   */
  setParagraphs(paragraphs: NumberedParagraph[]): void;
  /** The current `paragraphs` JSON (cached until the next change). */
  getParagraphs(): NumberedParagraph[];
  focus(): void;
  destroy(): void;
  /** Toolbar actions for the host to render. */
  readonly actions: ToolbarAction[];
  /** Words in the section body, counted as the Rust model counts them (whitespace-separated). */
  wordCount(): number;
  /** The editor's state, to resume in a later editor (`resume`) once this one is destroyed. */
  state(): EditorState;
  /** Undoes (or redoes) the last event of its history, as Ctrl+Z would; false when there is none. */
  stepHistory(redo: boolean): boolean;
  /**
   * Highlights a match of Find (null: none) and scrolls it to the middle of
   * the window, leaving the focus where it is; false when the body no longer
   * has that text.
   */
  showMatch(match: BodyMatch | null): boolean;
  /** Selects a match of Find and puts the focus on it, to edit there. */
  selectMatch(match: BodyMatch): boolean;
}

/** Undoes (or redoes) one event in the state of an editor no longer shown; null when there is none. */
export function stepHistoryOf(state: EditorState, redoIt: boolean): EditorState | null {
  let next: EditorState | null = null;
  (redoIt ? redo : undo)(state, (tr) => {
    next = state.apply(tr);
  });
  return next;
}

/** How a transaction moved the undo history (null: not at all, or merged into the last event). */
function historyChange(tr: Transaction, before: EditorState, after: EditorState): "new" | "undo" | "redo" | null {
  const depthBefore = undoDepth(before);
  const depthAfter = undoDepth(after);
  if (isHistoryTransaction(tr)) return depthAfter < depthBefore ? "undo" : depthAfter > depthBefore ? "redo" : null;
  // A new event raises the depth, or (past the history's limit) trims old events and lowers it.
  return tr.docChanged && depthAfter !== depthBefore ? "new" : null;
}

/** Words of a body document: text split on whitespace; hard breaks and blocks separate words. */
export function countWords(doc: Node): number {
  return countWordsOf(doc.textBetween(0, doc.content.size, "\n", " "));
}

export function createSectionEditor(host: HTMLElement, options: SectionEditorOptions): SectionEditor {
  let sectionIndex = options.sectionIndex;
  const numbered = options.numbered !== false;
  const requestLink: RequestLink = (href) => options.onRequestLink(href);

  const plugins: Plugin[] = [
    history(),
    ...buildKeymaps({ onRequestLink: requestLink }),
    ...(numbered ? [liveNumbering(() => sectionIndex)] : []),
    clipboardPlugin(),
    findHighlight(),
    gapCursor(),
    // Last: it handles mouse and arrow keys in tables broadly.
    tableEditing({ allowTableNodeSelection: false }),
  ];

  let cache: { doc: Node; paragraphs: NumberedParagraph[] } | null = null;
  const paragraphsOf = (doc: Node): NumberedParagraph[] => {
    if (cache?.doc !== doc) cache = { doc, paragraphs: fromEditorDoc(doc) };
    return cache.paragraphs;
  };

  // A resumed state keeps its fields (history above all) under this editor's plugins.
  const initial = options.resume
    ? options.resume.reconfigure({ plugins })
    : EditorState.create({ doc: toEditorDoc(options.paragraphs), plugins });
  const view: EditorView = new EditorView(host, {
    state: initial,
    attributes: {
      class: numbered ? "bw-editor" : "bw-editor bw-unnumbered",
      role: "textbox",
      "aria-multiline": "true",
      ...(options.label ? { "aria-label": options.label } : {}),
      spellcheck: options.spellcheck === false ? "false" : "true",
      lang: "en-GB",
    },
    dispatchTransaction(tr: Transaction) {
      const before = view.state;
      view.updateState(before.apply(tr));
      if (view.state.doc !== before.doc) options.onChange(readerOfDoc(view.state.doc, paragraphsOf));
      const change = options.onHistory ? historyChange(tr, before, view.state) : null;
      if (change) options.onHistory?.(change);
    },
  });

  const actions = createToolbarActions(requestLink);
  // The resumed numbering was for wherever the section was then.
  if (options.resume && numbered) view.dispatch(renumber(view.state.tr).setMeta("addToHistory", false));

  return {
    view,
    actions,
    setSectionIndex(n: number) {
      if (n === sectionIndex) return;
      sectionIndex = n;
      if (!numbered) return;
      view.dispatch(renumber(view.state.tr).setMeta("addToHistory", false));
    },
    setParagraphs(paragraphs: NumberedParagraph[]) {
      // Feeding onChange's own output back (a reactive loop) changes nothing.
      if (paragraphs === cache?.paragraphs && cache.doc === view.state.doc) return;
      const doc = toEditorDoc(paragraphs);
      if (doc.eq(view.state.doc)) return;
      view.updateState(EditorState.create({ doc, plugins }));
    },
    getParagraphs: () => paragraphsOf(view.state.doc),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
    wordCount: () => countWords(view.state.doc),
    state: () => view.state,
    stepHistory: (redoIt) => (redoIt ? redo : undo)(view.state, view.dispatch),
    showMatch(match) {
      const range = match ? matchRange(view.state.doc, match) : null;
      view.dispatch(highlightMatch(view.state, range));
      if (!range) return match === null;
      const { node } = view.domAtPos(range.from);
      const element = node instanceof Element ? node : node.parentElement;
      element?.scrollIntoView?.({ block: "center" });
      return true;
    },
    selectMatch(match) {
      const range = matchRange(view.state.doc, match);
      if (!range) return false;
      view.dispatch(selectMatch(view.state, range));
      view.focus();
      return true;
    },
  };
}
