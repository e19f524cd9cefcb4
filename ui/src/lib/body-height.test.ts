import { describe, expect, it } from "vitest";
import { estimatedBodyHeight } from "./body-height";
import type { NumberedParagraph } from "../editor";

const para = (text: string): NumberedParagraph =>
  ({ type: "numbered_paragraph", content: [{ type: "paragraph", content: [{ type: "text", text }] }] }) as NumberedParagraph;

describe("estimatedBodyHeight", () => {
  it("grows with the text and the paragraphs", () => {
    const one = estimatedBodyHeight([para("Short.")]);
    const long = estimatedBodyHeight([para("x".repeat(950))]);
    const two = estimatedBodyHeight([para("Short."), para("Short.")]);
    expect(long - one).toBe(9 * 24);
    expect(two - one).toBe(24 + 12);
  });

  it("keeps room for an empty body", () => {
    expect(estimatedBodyHeight([])).toBe(48 + 36);
  });
});
