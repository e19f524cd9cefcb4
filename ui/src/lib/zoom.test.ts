import { describe, expect, it } from "vitest";
import { nextZoom, zoomChangeOf, ZOOM_LEVELS } from "./zoom";

const key = (key: string, mods: Partial<KeyboardEventInit> = { ctrlKey: true }) => new KeyboardEvent("keydown", { key, ...mods });

describe("zoom", () => {
  it("steps in five times from 100% to 200%, and out again", () => {
    let zoom = 1;
    for (let i = 0; i < 5; i++) zoom = nextZoom(zoom, "in");
    expect(zoom).toBe(2);
    for (let i = 0; i < 5; i++) zoom = nextZoom(zoom, "out");
    expect(zoom).toBe(1);
  });

  it("stops at the ends, resets to 100%, and steps from a level between two", () => {
    expect(nextZoom(3, "in")).toBe(3);
    expect(nextZoom(0.5, "out")).toBe(0.5);
    expect(nextZoom(2.5, "reset")).toBe(1);
    expect(nextZoom(1.3, "in")).toBe(1.5);
    expect(nextZoom(1.3, "out")).toBe(1.25);
    expect(ZOOM_LEVELS[0]).toBe(0.5);
    expect(ZOOM_LEVELS[ZOOM_LEVELS.length - 1]).toBe(3);
  });

  it("reads the shortcuts, and nothing else", () => {
    expect(zoomChangeOf(key("="))).toBe("in");
    expect(zoomChangeOf(key("+", { ctrlKey: true, shiftKey: true }))).toBe("in");
    expect(zoomChangeOf(key("-"))).toBe("out");
    expect(zoomChangeOf(key("0"))).toBe("reset");
    expect(zoomChangeOf(key("0", { metaKey: true }))).toBe("reset");
    expect(zoomChangeOf(key("=", {}))).toBeNull();
    expect(zoomChangeOf(key("0", { ctrlKey: true, altKey: true }))).toBeNull();
    expect(zoomChangeOf(key("b"))).toBeNull();
  });
});
