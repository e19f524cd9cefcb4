// The library's opening state, and the first page the shell handed over with
// the page (backend.launchData), which is used once: the first library shown.

import { launchData } from "./backend";
import type { LaunchData } from "./bindings/LaunchData";
import type { ListQuery } from "./bindings/ListQuery";

/** How many papers the library shows before "Show all" (the shell's FIRST_PAGE, src-tauri/src/launch.rs). */
export const FIRST_PAGE = 25;

/** The library's query when it first opens: papers outside the bin, last changed first, the first page. */
export const FIRST_QUERY: ListQuery = {
  board: null, status: null, text: null, sort: "updated", descending: true, bin: false, limit: FIRST_PAGE,
};

let taken = false;

/** The shell's first page, the first time it is asked for and only if it answers `query`. */
export function takeLaunchData(query: ListQuery): LaunchData | null {
  if (taken) return null;
  taken = true;
  const data = launchData();
  return data && sameQuery(data.query, query) ? data : null;
}

function sameQuery(a: ListQuery, b: ListQuery): boolean {
  return (Object.keys(b) as (keyof ListQuery)[]).every((key) => a[key] === b[key]);
}

/** For tests: the next takeLaunchData reads the launch data again. */
export function resetLaunchData(): void {
  taken = false;
}
