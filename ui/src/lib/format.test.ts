import { describe, expect, it } from "vitest";
import { changedAt, snippetParts, todayIso, writtenOut } from "./format";

describe("format", () => {
  it("writes dates out as the Word export does", () => {
    expect(writtenOut("2016-02-25")).toBe("25 February 2016");
    expect(writtenOut("2027-01-05")).toBe("5 January 2027");
    expect(writtenOut("2016-13-01")).toBe("");
    expect(writtenOut(null)).toBe("");
  });

  it("gives today's local date", () => {
    expect(todayIso(new Date(2026, 11, 1, 23, 30))).toBe("2026-12-01");
  });

  it("shows a time for today and a date otherwise", () => {
    const now = new Date(2026, 11, 1, 12, 0);
    expect(changedAt(new Date(2026, 11, 1, 9, 5).toISOString(), now)).toBe("09:05");
    expect(changedAt(new Date(2025, 2, 3, 9, 5).toISOString(), now)).toBe("3 Mar 2025");
    expect(changedAt(new Date(2026, 8, 30, 17, 45).toISOString(), now)).toBe("30 Sep, 17:45");
    expect(changedAt(new Date(2026, 0, 1, 0, 0).toISOString(), now)).toBe("1 Jan, 00:00");
    expect(changedAt("nonsense", now)).toBe("");
  });

  it("splits snippets into matched and plain parts", () => {
    expect(snippetParts("… the [control] room [is] busy")).toEqual([
      { text: "… the ", match: false },
      { text: "control", match: true },
      { text: " room ", match: false },
      { text: "is", match: true },
      { text: " busy", match: false },
    ]);
    expect(snippetParts("<script>")).toEqual([{ text: "<script>", match: false }]);
  });
});
