// Zooming the window with Ctrl+= / Ctrl+− / Ctrl+0, as in a browser. The
// shell applies the factor and keeps it for the next launch (set_zoom).

/** The levels Ctrl+= and Ctrl+− step through; 1 is 100%. Five steps in from 100% is 200%. */
export const ZOOM_LEVELS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;

const SMALLEST = 0.5;
const LARGEST = 3;

export type ZoomChange = "in" | "out" | "reset";

/** The zoom a shortcut asks for, if `event` is one (Ctrl or Cmd with =, +, -, or 0). */
export function zoomChangeOf(event: KeyboardEvent): ZoomChange | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  if (event.key === "=" || event.key === "+") return "in";
  if (event.key === "-" || event.key === "_") return "out";
  if (event.key === "0") return "reset";
  return null;
}

/** The next level from `current` (which need not be one of the levels). */
export function nextZoom(current: number, change: ZoomChange): number {
  if (change === "reset") return 1;
  if (change === "in") return ZOOM_LEVELS.find((level) => level > current + 0.001) ?? LARGEST;
  return [...ZOOM_LEVELS].reverse().find((level) => level < current - 0.001) ?? SMALLEST;
}
