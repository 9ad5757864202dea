import { z } from 'zod';
import type { Settings } from '../../src-preload/contract';
import type { JsonStore } from './json-store';

/** The one typed schema of non-secret settings; secrets never live here. */
export const SettingsSchema = z.object({
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  syncIntervalMinutes: z.number().int().min(5).max(24 * 60).default(30),
  textOnlyDms: z.boolean().default(false),
  messageRetentionDays: z.number().int().min(1).max(3650).nullable().default(null),
  notifyNewMessages: z.boolean().default(true),
  // Desktop only (src-main/desktop/close-behavior.ts): 'default' keeps syncing in the tray on
  // Windows and macOS and quits on Linux.
  whenWindowCloses: z.enum(['default', 'keep-syncing', 'quit']).default('default'),
  launchAtLogin: z.boolean().default(false),
}) satisfies z.ZodType<Settings>;

export const SettingsPatchSchema = SettingsSchema.partial().strict();

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Reads settings field by field: a damaged field falls back to its default, the rest survive. */
export function readSettings(store: JsonStore): Settings {
  const raw = store.store;
  const result = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  for (const [key, schema] of Object.entries(SettingsSchema.shape)) {
    const parsed = (schema as z.ZodType).safeParse(raw[key]);
    if (parsed.success && raw[key] !== undefined) result[key] = parsed.data;
  }
  return result as unknown as Settings;
}

export function updateSettings(store: JsonStore, patch: Partial<Settings>): Settings {
  const valid = SettingsPatchSchema.parse(patch);
  for (const [key, value] of Object.entries(valid)) store.set(key, value);
  return readSettings(store);
}
