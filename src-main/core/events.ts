import { EventEmitter } from 'node:events';
import { EVENT_NAMES, type EventName, type Events } from '../../src-preload/contract';

/** Main → renderer events, typed by the contract. The IPC glue and the test bridge forward them. */
export class AppEvents {
  private readonly emitter = new EventEmitter();

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    this.emitter.emit(event, payload);
  }

  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    this.emitter.on(event, listener);
    return () => this.emitter.off(event, listener);
  }

  /** Every event, for transports that forward all of them. */
  onAny(listener: (event: EventName, payload: unknown) => void): () => void {
    const offs = EVENT_NAMES.map((e) => this.on(e, (payload) => listener(e, payload)));
    return () => offs.forEach((off) => off());
  }
}
