// The window's close request, for screens with unsaved work.

import { getCurrentWindow } from "@tauri-apps/api/window";

/**
 * Runs `flush` when the window is asked to close, before it closes (so what
 * is pending is stored first). Resolves to the function that stops watching;
 * outside Tauri (unit tests) there is no window, and nothing is watched.
 */
export async function beforeWindowCloses(flush: () => Promise<void>): Promise<() => void> {
  try {
    return await getCurrentWindow().onCloseRequested(async () => {
      await flush();
    });
  } catch {
    return () => {};
  }
}
