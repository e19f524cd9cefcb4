// Closing the window without losing what was typed last. The shell holds the
// user's close request and calls the hook installed here
// (src-tauri/src/closing.rs); each screen with unsaved work registers how to
// store it. The window closes once all is stored, and stays, saying so, when
// something could not be.

import { backend } from "./backend";
import { notify, reportError } from "./notices.svelte";

/** Stores what is pending; resolves true when nothing is left unsaved. */
export type StorePending = () => Promise<boolean>;

const pending = new Set<StorePending>();

/** Registers `store` for the next close request; returns the function that removes it. */
export function beforeWindowCloses(store: StorePending): () => void {
  pending.add(store);
  return () => {
    pending.delete(store);
  };
}

/** The user asked to close the window: store everything, then close. */
export async function closeRequested(): Promise<void> {
  let stored = true;
  for (const store of [...pending]) {
    try {
      if (!(await store())) stored = false;
    } catch {
      stored = false;
    }
  }
  if (!stored) {
    notify(
      "The last change could not be stored, so the window stayed open. Close it again within a minute to close without that change.",
      undefined,
      "error",
    );
    return;
  }
  try {
    await backend.closeWindow();
  } catch (e) {
    reportError(e, "Could not close the window");
  }
}

/** The name is the shell's (closing.rs PAGE_HOOK). */
export function installCloseHook(): void {
  (window as { __boardwrightCloseRequested?: () => void }).__boardwrightCloseRequested = () => void closeRequested();
}

/**
 * Names what is open in the window's title (the taskbar, Alt+Tab): "<title>
 * – Boardwright"; null for nothing. A title that could not be set is not
 * worth a notice.
 */
export function nameWindow(open: string | null): void {
  void backend.setWindowTitle(open).catch(() => {});
}
