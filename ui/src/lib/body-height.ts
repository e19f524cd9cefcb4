// The height a section body will take before it has been shown, so that a
// placeholder keeps the page about the right length (the scroll bar stays
// honest and the layout barely moves when the editor mounts).

import type { NumberedParagraph } from "../editor";

/** Pixels at the default 16 px rem; close enough for a placeholder. */
const LINE = 24;
const CHARS_PER_LINE = 95;
const PARAGRAPH_GAP = 12;
const TOOLBAR = 48;

type Node = { type?: string; text?: string; content?: Node[] };

function lines(node: Node): number {
  if (node.type === "paragraph") {
    const chars = (node.content ?? []).reduce((n, c) => n + (c.text?.length ?? 0), 0);
    return Math.max(1, Math.ceil(chars / CHARS_PER_LINE));
  }
  return (node.content ?? []).reduce((n, c) => n + lines(c), 0);
}

export function estimatedBodyHeight(paragraphs: NumberedParagraph[]): number {
  const body = paragraphs.reduce((h, p) => h + lines(p as Node) * LINE + PARAGRAPH_GAP, 0);
  return TOOLBAR + Math.max(body, LINE + PARAGRAPH_GAP);
}
