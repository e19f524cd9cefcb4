// Messages the user sees at the edge of the window: errors (role=alert) and
// notices with an optional action such as "Undo"; and the one error that
// replaces the whole window, a database that cannot be opened.

import { BackendError } from "./backend";

export interface Notice {
  id: number;
  kind: "info" | "error";
  text: string;
  action?: { label: string; run: () => void | Promise<void> };
}

let next = 1;
export const notices = $state<Notice[]>([]);

/** Shows a notice; returns its id, for `dismiss`. */
export function notify(text: string, action?: Notice["action"], kind: Notice["kind"] = "info"): number {
  const id = next++;
  notices.push({ id, kind, text, ...(action ? { action } : {}) });
  // Errors stay until dismissed; notices go after a while (long enough to reach "Undo").
  if (kind === "info") setTimeout(() => dismiss(id), 10_000);
  return id;
}

/** Set when any call finds the database unopenable: the app shows only that, since nothing else can work. */
export const database = $state<{ unavailable: string | null }>({ unavailable: null });

export function reportError(error: unknown, what?: string): void {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof BackendError && error.code === "database_unavailable") {
    database.unavailable = message;
    return;
  }
  notify(what ? `${what}: ${message}` : message, undefined, "error");
}

export function dismiss(id: number): void {
  const i = notices.findIndex((n) => n.id === id);
  if (i >= 0) notices.splice(i, 1);
}
