import type { BackgroundFailure } from '../../src-preload/contract';
import { toErrorPayload } from './app-error';

export interface SupervisorOptions {
  now: () => number;
  /** Writes the failure where staff can find it later (the audit log); may itself fail. */
  record: (failure: BackgroundFailure, error: unknown) => void;
  /** Last resort when even recording failed (the Electron log, stderr). */
  log?: (message: string, error: unknown) => void;
}

/**
 * The one owner of fire-and-forget work: a scheduled sync, the sync after connecting, a retention
 * run, a future relay listener. Nothing it runs can end the process with an unhandled rejection:
 * a failure is recorded (audit log), remembered for the sync indicator, and announced.
 */
export class TaskSupervisor {
  private last: BackgroundFailure | null = null;
  private readonly listeners = new Set<(failure: BackgroundFailure) => void>();
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly options: SupervisorOptions) {}

  /** Starts `work` and returns at once; `work` may throw or reject, synchronously or later. */
  run(task: string, work: () => unknown): void {
    const done = Promise.resolve()
      .then(work)
      .then(
        () => undefined,
        (error: unknown) => this.fail(task, error),
      )
      .finally(() => this.pending.delete(done));
    this.pending.add(done);
  }

  /** Records a failure that reached us some other way (e.g. a stray rejection caught by the process). */
  fail(task: string, error: unknown): void {
    const payload = toErrorPayload(error);
    const failure: BackgroundFailure = { task, code: payload.code, message: payload.message, at: this.options.now() };
    this.last = failure;
    try {
      this.options.record(failure, error);
    } catch (recordError) {
      this.options.log?.(`[background] ${task} failed and could not be recorded`, recordError);
    }
    this.options.log?.(`[background] ${task} failed`, error);
    for (const listener of this.listeners) listener(failure);
  }

  /** The newest failure, until `clear` (a later success) says it is over. */
  lastFailure(): BackgroundFailure | null {
    return this.last;
  }

  clear(): void {
    this.last = null;
  }

  onFailure(listener: (failure: BackgroundFailure) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when every task started so far has settled (wipe, quit, tests). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
