/** Fault injection for resilience tests: `POST /__emulator/faults`. */

/** Supported fault kinds. */
export const FAULT_KINDS = ['http429', 'http500', 'timeout', 'malformed-json', 'token-expired', 'batch-partial', 'rate-limit', 'permission'] as const;
/** A fault kind. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** A fault as configured by a test. */
export interface FaultSpec {
  kind: FaultKind;
  /** Substring of the request path (or batch item relative_url) that triggers it; all when absent. */
  match?: string;
  /** How many times it fires (default 1). */
  count?: number;
  /** Skip this many matching calls first (default 0: the next match fires). */
  after?: number;
  /** timeout: how long to hold the response (ms, default 30 000, max 30 000). */
  ms?: number;
  /** rate-limit: force a throttling code (4, 17, 32, 613, 80001, 80002, 80006); permission: 10 (default) or 200-299. */
  code?: number;
}

/** A registered fault with its counters. */
export interface ActiveFault extends Required<Pick<FaultSpec, 'kind' | 'count' | 'after'>> {
  id: number;
  match?: string;
  ms: number;
  code?: number;
  seen: number;
  fired: number;
}

/** Which faults apply at the HTTP level and which per operation (incl. batch items). */
const HTTP_LEVEL: ReadonlySet<FaultKind> = new Set(['timeout', 'malformed-json']);

/** Ordered fault registry. */
export class FaultRegistry {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  /** Validates and registers a fault; returns it or an error message. */
  add(spec: Partial<FaultSpec>): ActiveFault | string {
    if (!spec.kind || !(FAULT_KINDS as readonly string[]).includes(spec.kind)) {
      return `kind must be one of: ${FAULT_KINDS.join(', ')}`;
    }
    const count = spec.count ?? 1;
    const after = spec.after ?? 0;
    if (!Number.isInteger(count) || count < 1 || !Number.isInteger(after) || after < 0) return 'count must be >= 1 and after >= 0 (integers)';
    const fault: ActiveFault = {
      id: this.nextId++,
      kind: spec.kind,
      count,
      after,
      ms: Math.min(30_000, Math.max(0, spec.ms ?? 30_000)),
      seen: 0,
      fired: 0,
    };
    if (spec.match !== undefined) fault.match = String(spec.match);
    if (spec.code !== undefined) fault.code = Number(spec.code);
    this.faults.push(fault);
    return fault;
  }

  /** Removes every fault. */
  clear(): void {
    this.faults = [];
  }

  /** Active faults with counters (for GET /__emulator/faults). */
  list(): ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /**
   * Returns the fault that fires for this call, if any. `level` selects HTTP-level kinds,
   * operation kinds, or batch envelopes ('batch' → batch-partial only).
   */
  take(level: 'http' | 'op' | 'batch', path: string): ActiveFault | undefined {
    for (const f of this.faults) {
      const applies = level === 'batch' ? f.kind === 'batch-partial' : level === 'http' ? HTTP_LEVEL.has(f.kind) : !HTTP_LEVEL.has(f.kind) && f.kind !== 'batch-partial';
      if (!applies || f.fired >= f.count) continue;
      if (f.match !== undefined && !path.includes(f.match)) continue;
      f.seen++;
      if (f.seen <= f.after) continue;
      f.fired++;
      return f;
    }
    return undefined;
  }
}
