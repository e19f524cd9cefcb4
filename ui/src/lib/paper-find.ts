// Find in the whole paper (Ctrl+F in the editor): the matches in every
// section's heading and body, and going from one to the next. A long paper keeps live
// editors only near the screen, so matches are counted in each body's
// document as its editor shows it or would build it, and a match is shown
// once its section is brought to the screen and its editor made.

import type { Node } from "prosemirror-model";
import { findMatches, textblocks, type BodyMatch, type SectionEditor } from "../editor";

export interface FindHost {
  /** The sections' keys, in order. */
  keys(): number[];
  /**
   * The body of section `key` as its editor shows it or would build it:
   * `id` changes whenever the body does (its texts are kept by it).
   */
  body(key: number): { id: object; doc: () => Node };
  /** The section's live editor, when it has one. */
  editor(key: number): SectionEditor | undefined;
  /** Brings the section to the screen, so that its editor is made. */
  reveal(key: number): void;
  /** The section's heading as it stands. */
  heading(key: number): string;
  /** Marks the section's heading as holding the match shown (null: unmarks it). */
  markHeading(key: number, range: { from: number; to: number } | null): void;
  /** Selects `range` in the section's heading and puts the focus there. */
  selectInHeading(key: number, range: { from: number; to: number }): void;
}

export interface PaperMatch {
  key: number;
  /** 0-based position of the section. */
  section: number;
  /** In the body; block HEADING is the section's heading (it comes before the body). */
  match: BodyMatch;
}

/** The `block` of a match in a section's heading. */
export const HEADING = -1;

/** How long the find box waits after the last key before it searches. */
export const FIND_PAUSE_MS = 150;

/** How long a match waits for its section's editor to be made. */
const EDITOR_WAIT_MS = 1500;

export class PaperFind {
  matches: PaperMatch[] = [];
  /** Index of the match shown, -1 for none. */
  current = -1;
  private shown: { key: number; heading: boolean } | null = null;
  private query = "";
  /** The bodies and headings searched, by key: a section that changed since is searched again. */
  private searched = new Map<number, { body: object; heading: string }>();
  private readonly texts = new WeakMap<object, string[]>();

  constructor(private readonly host: FindHost) {}

  /** Finds `query` (ignoring case) in every body; the first match becomes current, not yet shown. */
  search(query: string): void {
    this.unhighlight();
    this.query = query;
    this.matches = [];
    this.searched = new Map();
    this.host.keys().forEach((key, section) => {
      const body = this.host.body(key);
      const heading = this.host.heading(key);
      this.searched.set(key, { body: body.id, heading });
      for (const match of findMatches([heading], query)) this.matches.push({ key, section, match: { ...match, block: HEADING } });
      let texts = this.texts.get(body.id);
      if (!texts) {
        texts = textblocks(body.doc());
        this.texts.set(body.id, texts);
      }
      for (const match of findMatches(texts, query)) this.matches.push({ key, section, match });
    });
    this.current = this.matches.length > 0 ? 0 : -1;
  }

  /** Moves `step` matches on (wrapping round; 0 stays) and shows that match; false when there is none to show. */
  async step(step: number): Promise<boolean> {
    if (this.changedSinceSearch()) this.searchAgain(step);
    const count = this.matches.length;
    if (count === 0) return false;
    this.current = (((this.current + step) % count) + count) % count;
    const target = this.matches[this.current];
    if (!target) return false;
    if (target.match.block === HEADING) {
      this.host.reveal(target.key);
      this.show(target.key, true);
      this.host.markHeading(target.key, target.match);
      return true;
    }
    const editor = await this.editorOf(target.key);
    // Another step may have moved on while the editor was being made.
    if (!editor || this.matches[this.current] !== target) return false;
    this.show(target.key, false);
    return editor.showMatch(target.match);
  }

  /** Ends the search: the highlight goes, and with `select` the current match is selected, to edit there. */
  finish(select: boolean): void {
    const target = this.matches[this.current];
    this.unhighlight();
    if (select && target?.match.block === HEADING) this.host.selectInHeading(target.key, target.match);
    else if (select && target) this.host.editor(target.key)?.selectMatch(target.match);
    this.matches = [];
    this.current = -1;
  }

  private changedSinceSearch(): boolean {
    const keys = this.host.keys();
    return (
      keys.length !== this.searched.size ||
      keys.some((key) => {
        const was = this.searched.get(key);
        return this.host.body(key).id !== was?.body || this.host.heading(key) !== was.heading;
      })
    );
  }

  /**
   * The paper changed under the matches: find again, and go on from where
   * the current match was (from it, if it is still there).
   */
  private searchAgain(step: number): void {
    const was = this.matches[this.current];
    this.search(this.query);
    if (!was) return;
    const order = (m: PaperMatch) => [m.section, m.match.block, m.match.from] as const;
    const isBefore = (m: PaperMatch) => {
      const [a, b] = [order(m), order(was)];
      return a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])));
    };
    const before = this.matches.filter(isBefore).length;
    const here = this.matches[before];
    const still = here !== undefined && here.key === was.key && order(here).every((v, i) => v === order(was)[i]);
    // step() then moves from here: onto the next match, or the one before.
    this.current = still ? before : step > 0 ? before - 1 : before;
  }

  /** The match about to be shown is in `key`'s heading or body: the last one shown is unmarked. */
  private show(key: number, heading: boolean): void {
    this.unhighlight();
    this.shown = { key, heading };
  }

  private unhighlight(): void {
    if (this.shown?.heading) this.host.markHeading(this.shown.key, null);
    else if (this.shown) this.host.editor(this.shown.key)?.showMatch(null);
    this.shown = null;
  }

  private async editorOf(key: number): Promise<SectionEditor | undefined> {
    const live = this.host.editor(key);
    if (live) return live;
    this.host.reveal(key);
    const deadline = performance.now() + EDITOR_WAIT_MS;
    while (performance.now() < deadline) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const made = this.host.editor(key);
      if (made) return made;
    }
    return undefined;
  }
}
