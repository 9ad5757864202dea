/** Shared helpers for the emulator integration tests. */
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator/server';
import type { Scenario } from '../../../src-main/emulator/world/types';

/** Fixed clock for reproducible assertions (mid-November 2026). */
export const NOW = Date.UTC(2026, 10, 15, 12, 0, 0);

/** Starts an emulator on an ephemeral port with a frozen clock. */
export function start(scenario: Scenario, extra: { callsPerHour?: number; seed?: number } = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, scenario, now: () => NOW, ...extra });
}

/** A JSON response with status and headers. */
export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** GET/POST against the emulator and parse JSON. */
export async function call<T = Record<string, unknown>>(url: string, init: RequestInit = {}): Promise<JsonResponse<T>> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) as T };
}

/** Builds a URL with query params. */
export function u(base: string, path: string, params: Record<string, string | number> = {}): string {
  const qs = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]));
  const q = qs.toString();
  return `${base}${path}${q ? `?${q}` : ''}`;
}

/** Form-encoded POST. */
export function form(params: Record<string, string>): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params).toString() };
}

/** JSON POST. */
export function jsonPost(body: unknown, token?: string): RequestInit {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return { method: 'POST', headers, body: JSON.stringify(body) };
}

/** The Graph error object of a response body. */
export function errorOf(body: unknown): { message: string; type: string; code: number; error_subcode?: number; fbtrace_id: string } {
  return (body as { error: { message: string; type: string; code: number; error_subcode?: number; fbtrace_id: string } }).error;
}

/** Ground truth from the control endpoint. */
export interface Truth {
  now: number;
  totals: Record<string, number>;
  accounts: Array<{
    kind: 'instagram' | 'page';
    id: string;
    mediaIds?: string[];
    postIds?: string[];
    commentIds: string[];
    /** Instagram accounts: followers now, and the media Meta gives no insights for, with the reason. */
    followers?: number;
    insightsBlocked?: Record<string, string>;
    conversations: Array<{
      id: string;
      platform: string;
      participantId: string;
      messageIds: string[];
      visibleMessageIds: string[];
      retrievableMessageIds: string[];
      historyLimited: boolean;
      lastCustomerMessageAtMs: number | null;
    }>;
  }>;
}

/** Fetches /__emulator/truth. */
export async function truth(emu: RunningEmulator): Promise<Truth> {
  return (await call<Truth>(`${emu.url}/__emulator/truth`)).body;
}
