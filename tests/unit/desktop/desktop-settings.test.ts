import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsPatchSchema, readSettings } from '../../../src-main/settings/settings';
import type { JsonStore } from '../../../src-main/settings/json-store';

const storeWith = (values: Record<string, unknown>) => ({ store: values }) as unknown as JsonStore;

describe('desktop settings', () => {
  it('default to the platform close behaviour and no launch at login', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ whenWindowCloses: 'default', launchAtLogin: false });
  });

  it('accept only the three close behaviours and a boolean launch at login', () => {
    expect(SettingsPatchSchema.safeParse({ whenWindowCloses: 'keep-syncing', launchAtLogin: true }).success).toBe(true);
    expect(SettingsPatchSchema.safeParse({ whenWindowCloses: 'minimize' }).success).toBe(false);
    expect(SettingsPatchSchema.safeParse({ launchAtLogin: 'yes' }).success).toBe(false);
  });

  it('a damaged value in settings.json falls back to its default and keeps the rest', () => {
    const settings = readSettings(storeWith({ whenWindowCloses: 42, launchAtLogin: true, theme: 'dark' }));
    expect(settings).toMatchObject({ whenWindowCloses: 'default', launchAtLogin: true, theme: 'dark' });
  });
});
