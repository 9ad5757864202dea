/**
 * Control endpoints under `/__emulator/` (never part of Meta's API, never counted in stats):
 *   POST   /__emulator/faults        inject a fault (object or array of objects)
 *   GET    /__emulator/faults        list active faults with counters
 *   DELETE /__emulator/faults        remove all faults
 *   GET    /__emulator/stats         call counts per path template + totals
 *   POST   /__emulator/reset-stats   zero the counters
 *   POST   /__emulator/advance       { ms } move the clock; new items appear
 *   GET    /__emulator/truth         ground truth ids per account
 *   GET    /__emulator/info          scenario, clock, app credentials, tokens, account ids
 *   POST   /__emulator/config        { callsPerHour } change the rate-limit budget
 *   POST   /__emulator/reset-usage   forget all counted calls (usage back to 0 %)
 *   POST   /__emulator/redirect-uris { host: facebook|instagram, uri } register a login redirect URI
 *   GET    /__emulator/redirect-uris the app dashboard's registered redirect URIs
 */
import type { FaultSpec } from './core/faults';
import type { EmulatorState } from './core/state';
import { buildTruth } from './truth';
import type { OpResult } from './graph/router';

function ok(body: unknown, status = 200): OpResult {
  return { status, headers: { 'Content-Type': 'application/json; charset=UTF-8' }, body };
}

function bad(message: string): OpResult {
  return ok({ error: { message, type: 'EmulatorControlError', code: 100 } }, 400);
}

/** The info document (also used by the CLI banner). */
export function emulatorInfo(state: EmulatorState): Record<string, unknown> {
  const w = state.world;
  const pick = (kind: string, subject?: string): string | undefined =>
    w.tokens.find((t) => t.kind === kind && (subject === undefined || t.subjectId === subject))?.token;
  return {
    scenario: w.scenario,
    seed: w.seed,
    now: state.now(),
    app: w.app,
    business: w.business,
    user: w.user,
    igAccounts: w.igAccounts.map((a) => ({ id: a.id, username: a.username, pageId: a.pageId, token: pick('ig_user', a.id) })),
    pages: w.pages.map((p) => ({ id: p.id, name: p.name, igAccountId: p.igAccountId, token: pick('page', p.id) })),
    tokens: w.tokens.map((t) => ({ token: t.token, kind: t.kind, subjectId: t.subjectId, expiresAt: t.expiresAt, host: t.host })),
  };
}

/** Handles a control request (path already known to start with /__emulator/). */
export function handleControl(state: EmulatorState, method: string, path: string, json: unknown): OpResult {
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  const body = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  switch (route) {
    case 'POST /__emulator/faults': {
      const specs = Array.isArray(json) ? (json as Array<Partial<FaultSpec>>) : [body as Partial<FaultSpec>];
      const added = [];
      for (const spec of specs) {
        const r = state.faults.add(spec);
        if (typeof r === 'string') return bad(r);
        added.push(r);
      }
      return ok({ faults: added });
    }
    case 'GET /__emulator/faults':
      return ok({ faults: state.faults.list() });
    case 'DELETE /__emulator/faults':
      state.faults.clear();
      return ok({ success: true });
    case 'GET /__emulator/stats':
      return ok(state.stats);
    case 'POST /__emulator/reset-stats':
      state.resetStats();
      return ok({ success: true });
    case 'POST /__emulator/advance': {
      const ms = Number(body.ms);
      if (!Number.isFinite(ms) || ms < 0) return bad('ms must be a non-negative number');
      const added = state.advanceBy(ms);
      return ok({ now: state.now(), added });
    }
    case 'GET /__emulator/truth':
      state.syncWorld();
      return ok(buildTruth(state.world));
    case 'GET /__emulator/info':
      return ok(emulatorInfo(state));
    case 'POST /__emulator/config': {
      const n = Number(body.callsPerHour);
      if (!Number.isInteger(n) || n < 1) return bad('callsPerHour must be a positive integer');
      state.usage.callsPerHour = n;
      return ok({ callsPerHour: n });
    }
    case 'POST /__emulator/redirect-uris': {
      if (body.host !== 'facebook' && body.host !== 'instagram') return bad('host must be facebook or instagram');
      if (typeof body.uri !== 'string' || !URL.canParse(body.uri)) return bad('uri must be an absolute URL');
      state.registerRedirectUri(body.host, body.uri);
      return ok({ host: body.host, uris: [...state.redirectUris[body.host]] });
    }
    case 'GET /__emulator/redirect-uris':
      return ok({ facebook: [...state.redirectUris.facebook], instagram: [...state.redirectUris.instagram] });
    case 'POST /__emulator/reset-usage':
      state.usage.reset();
      return ok({ success: true });
    default:
      return ok({ error: { message: `Unknown control endpoint: ${route}`, type: 'EmulatorControlError', code: 2500 } }, 404);
  }
}
