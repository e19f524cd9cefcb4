// Autosave: each change is stored about `delayMs` after the last one; one
// save at a time; flush() stores what is pending now (before closing the
// window or leaving the editor). Nothing typed is dropped: a change made
// while a save runs is saved right after it.

export type SaveState = "saved" | "pending" | "saving" | "error";

export interface AutosaverOptions<T, R> {
  save: (value: T) => Promise<R>;
  delayMs?: number;
  onState?: (state: SaveState, detail: { result?: R; error?: unknown }) => void;
}

export class Autosaver<T, R = unknown> {
  private readonly save: (value: T) => Promise<R>;
  private readonly delayMs: number;
  private readonly onState: NonNullable<AutosaverOptions<T, R>["onState"]>;
  private pending: { value: T } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  state: SaveState = "saved";

  constructor(options: AutosaverOptions<T, R>) {
    this.save = options.save;
    this.delayMs = options.delayMs ?? 800;
    this.onState = options.onState ?? (() => {});
  }

  /** Records a change; it is saved after a quiet spell. */
  change(value: T): void {
    this.pending = { value };
    this.setState("pending");
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, this.delayMs);
  }

  /** Saves whatever is pending, now, and resolves when everything is stored. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.run();
  }

  /** Flushes; resolves true when nothing is left unsaved (for a window about to close). */
  async storeAll(): Promise<boolean> {
    await this.flush();
    return !this.hasUnsaved;
  }

  get hasUnsaved(): boolean {
    return this.pending !== null || this.running !== null;
  }

  private async run(): Promise<void> {
    while (this.running) await this.running;
    if (!this.pending) return;
    const { value } = this.pending;
    this.pending = null;
    this.setState("saving");
    this.running = (async () => {
      try {
        const result = await this.save(value);
        this.setState(this.pending ? "pending" : "saved", { result });
      } catch (error) {
        // Keep the value so a later change or flush tries again; nothing is lost.
        if (!this.pending) this.pending = { value };
        this.setState("error", { error });
      }
    })();
    await this.running;
    this.running = null;
    if (this.pending && this.state !== "error" && !this.timer) await this.run();
  }

  private setState(state: SaveState, detail: { result?: R; error?: unknown } = {}): void {
    this.state = state;
    this.onState(state, detail);
  }
}
