import { z } from 'zod';
import type { RetentionPolicy, Settings } from '../../src-preload/contract';
import type { JsonStore } from './json-store';
import { isTimeZone } from '../services/analytics/calendar';

const days = z.number().int().min(1).max(3650).nullable();

export const RetentionPolicySchema = z
  .object({
    messageText: days,
    attachments: days,
    comments: days,
    engagedPeople: days,
    metricSnapshots: days,
    demographics: days,
  })
  .strict() satisfies z.ZodType<RetentionPolicy>;

const FOREVER: RetentionPolicy = { messageText: null, attachments: null, comments: null, engagedPeople: null, metricSnapshots: null, demographics: null };

/** The one typed schema of non-secret settings; secrets never live here. */
export const SettingsSchema = z.object({
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  syncIntervalMinutes: z.number().int().min(5).max(24 * 60).default(30),
  textOnlyDms: z.boolean().default(false),
  notifyNewMessages: z.boolean().default(true),
  timeZone: z.string().max(64).refine(isTimeZone, 'is not a time zone this computer knows').nullable().default(null),
  retention: RetentionPolicySchema.default(FOREVER),
  autoLockMinutes: z.number().int().min(1).max(24 * 60).nullable().default(null),
  // Desktop only (src-main/desktop/close-behavior.ts): 'default' keeps syncing in the tray on
  // Windows and macOS and quits on Linux.
  whenWindowCloses: z.enum(['default', 'keep-syncing', 'quit']).default('default'),
  launchAtLogin: z.boolean().default(false),
}) satisfies z.ZodType<Settings>;

/**
 * What `settings:update` may change. Retention and text-only mode remove data, so they change only
 * through the Privacy screen's preview and confirmation (`privacy:applyRetention`).
 */
export const SettingsPatchSchema = SettingsSchema.omit({ retention: true, textOnlyDms: true }).partial().strict();

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Reads settings field by field: a damaged field falls back to its default, the rest survive. */
export function readSettings(store: JsonStore): Settings {
  const raw = { ...store.store };
  // Before per-class retention there was one window for messages.
  if (raw.retention === undefined && typeof raw.messageRetentionDays === 'number') {
    raw.retention = { ...FOREVER, messageText: raw.messageRetentionDays };
  }
  const result = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  for (const [key, schema] of Object.entries(SettingsSchema.shape)) {
    const parsed = (schema as z.ZodType).safeParse(raw[key]);
    if (parsed.success && raw[key] !== undefined) result[key] = parsed.data;
  }
  return result as unknown as Settings;
}

/** One changed field: what it was and what it is now (settings hold no secrets, so both are shown). */
export interface SettingChange {
  field: keyof Settings;
  from: unknown;
  to: unknown;
}

/** Writes a validated patch; returns the settings and each field that really changed. */
export function writeSettings(store: JsonStore, patch: Partial<Settings>): { settings: Settings; changes: SettingChange[] } {
  const before = readSettings(store);
  for (const [key, value] of Object.entries(patch)) store.set(key, value);
  if (patch.retention !== undefined) store.delete('messageRetentionDays');
  const settings = readSettings(store);
  const changes = (Object.keys(patch) as Array<keyof Settings>)
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(settings[field]))
    .map((field) => ({ field, from: before[field], to: settings[field] }));
  return { settings, changes };
}

export function updateSettings(store: JsonStore, patch: Partial<Settings>): Settings {
  return writeSettings(store, SettingsPatchSchema.parse(patch)).settings;
}
