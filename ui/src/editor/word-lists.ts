// Microsoft Word's clipboard lists. Word does not write <ul>/<li>: each
// bullet is a paragraph such as
//
//   <p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level2 lfo1'>
//     <![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·
//     <span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Text<o:p></o:p></p>
//
// The level is in `mso-list: lN levelM lfoK` (lN names the list); the typed
// bullet sits between the `[if !supportLists]` and `[endif]` markers (bogus
// comments once parsed, or real ones in newer Word) and in mso-list:Ignore spans.

import type { CleanBlock, ListBlock } from "./paste-model";

export interface WordListInfo {
  /** The list's id, "l0". */
  id: string;
  /** 1 for top-level bullets. */
  level: number;
}

/** The open Word list of a run of paragraphs, and its lists by level. */
export interface WordLists {
  id: string;
  root: ListBlock;
  stack: ListBlock[];
}

export function wordListInfo(el: Element): WordListInfo | null {
  const m = /mso-list\s*:\s*(l\d+)\s+level(\d+)/i.exec(el.getAttribute("style") ?? "");
  if (!m) return null;
  return { id: m[1]!.toLowerCase(), level: Math.min(Math.max(parseInt(m[2]!, 10) || 1, 1), 9) };
}

function comments(node: Node, out: Comment[]): Comment[] {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 8) out.push(child as Comment);
    else if (child.nodeType === 1) comments(child, out);
  }
  return out;
}

/** Removes Word's typed bullets and numbers ("·", "o", "§", "1.") and their spacing. */
export function removeWordListMarkers(root: Element): void {
  for (const start of comments(root, [])) {
    if (!/^\s*\[if !supportLists\]\s*$/i.test(start.data)) continue;
    const doomed: Node[] = [];
    let n = start.nextSibling;
    while (n && !(n.nodeType === 8 && /^\s*\[endif\]\s*$/i.test((n as Comment).data))) {
      doomed.push(n);
      n = n.nextSibling;
    }
    if (n) doomed.forEach((d) => d.parentNode?.removeChild(d));
  }
  for (const el of Array.from(root.querySelectorAll("[style]"))) {
    if (/mso-list\s*:\s*ignore/i.test(el.getAttribute("style") ?? "")) el.parentNode?.removeChild(el);
  }
}

/**
 * Adds one Word bullet (its blocks, a paragraph first) to `blocks`: to the
 * open list when it is the last block and has the same id, else to a new
 * list. Levels nest one at a time (a jump from level 1 to 3 gives level 2).
 */
export function addWordListItem(
  blocks: CleanBlock[],
  open: WordLists | null,
  info: WordListInfo,
  itemBlocks: CleanBlock[],
): WordLists {
  let lists = open;
  if (!lists || blocks[blocks.length - 1] !== lists.root || lists.id !== info.id) {
    const root: ListBlock = { kind: "ul", items: [] };
    blocks.push(root);
    lists = { id: info.id, root, stack: [root] };
  }
  const content = itemBlocks[0]?.kind === "p" ? itemBlocks : [{ kind: "p" as const, runs: [] }, ...itemBlocks];
  let level = Math.min(info.level, lists.stack.length + 1);
  if (level > lists.stack.length) {
    const parentList = lists.stack[lists.stack.length - 1]!;
    const parentItem = parentList.items[parentList.items.length - 1];
    if (parentItem) {
      const sub: ListBlock = { kind: "ul", items: [] };
      parentItem.blocks.push(sub);
      lists.stack.push(sub);
    } else {
      level = lists.stack.length;
    }
  }
  lists.stack.length = level;
  lists.stack[level - 1]!.items.push({ blocks: content });
  return lists;
}

/** An indented MsoListParagraph without a bullet: a further paragraph of the last bullet. */
export function addWordListFollowOn(blocks: CleanBlock[], open: WordLists, itemBlocks: CleanBlock[]): boolean {
  if (blocks[blocks.length - 1] !== open.root) return false;
  const list = open.stack[open.stack.length - 1]!;
  const item = list.items[list.items.length - 1];
  if (!item) return false;
  item.blocks.push(...itemBlocks.filter((b) => b.kind !== "table"));
  return true;
}
