import { useEffect, useId } from 'react';
import type { Settings } from '../../../src-preload/contract';
import { ErrorNotice } from '../../components/error-notice';
import { SavedRepliesSection } from '../inbox/saved-replies-section';
import { RelaySection } from '../relay/relay-section';
import { MetaAppSection } from './meta-app-section';
import { TimeZoneField } from './time-zone-field';
import { loadSettings, updateSettings, useSettingsStore } from './settings-store';
import './settings.css';

const THEMES: Array<[Settings['theme'], string]> = [
  ['system', 'Same as this computer'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];
const SYNC_INTERVALS = [15, 30, 60, 180, 360];
const AUTO_LOCK: Array<[number | null, string]> = [
  [null, 'Never'],
  [5, 'After 5 minutes idle'],
  [15, 'After 15 minutes idle'],
  [30, 'After 30 minutes idle'],
  [60, 'After 1 hour idle'],
];
const WINDOW_CLOSE: Array<[Settings['whenWindowCloses'], string]> = [
  ['default', 'Keep syncing on Windows and macOS, quit on Linux'],
  ['keep-syncing', 'Keep syncing in the tray / menu bar'],
  ['quit', 'Quit Social Desk'],
];

function intervalLabel(minutes: number): string {
  return minutes < 60 ? `Every ${minutes} minutes` : minutes === 60 ? 'Every hour' : `Every ${minutes / 60} hours`;
}

/** A checkbox setting with its label and a line saying what it does. */
function CheckSetting(props: { id: string; checked: boolean; onChange: (checked: boolean) => void; label: string; hint: string }) {
  return (
    <div className="check">
      <input id={props.id} type="checkbox" checked={props.checked} onChange={(event) => props.onChange(event.target.checked)} />
      <label htmlFor={props.id}>
        {props.label}
        <span className="muted block">{props.hint}</span>
      </label>
    </div>
  );
}

export function SettingsView() {
  const { data, status, error, saving, saveError } = useSettingsStore();
  const ids = { interval: useId(), autoLock: useId(), notify: useId(), windowClose: useId(), loginStart: useId() };

  useEffect(() => {
    if (useSettingsStore.getState().status === 'idle') void loadSettings();
  }, []);

  const intervals = data && !SYNC_INTERVALS.includes(data.syncIntervalMinutes)
    ? [...SYNC_INTERVALS, data.syncIntervalMinutes].sort((a, b) => a - b)
    : SYNC_INTERVALS;
  const autoLock = data && !AUTO_LOCK.some(([m]) => m === data.autoLockMinutes)
    ? [...AUTO_LOCK, [data.autoLockMinutes, `After ${data.autoLockMinutes} minutes idle`] as [number | null, string]]
    : AUTO_LOCK;

  return (
    <section className="view" data-view="settings" data-status={status} aria-labelledby="settings-title">
      <header className="view__header">
        <h1 id="settings-title">Settings</h1>
        <p className="muted" role="status" data-saving={saving ? 'true' : 'false'}>
          {saving ? 'Saving…' : ''}
        </p>
      </header>
      {error && <ErrorNotice error={error} onRetry={() => void loadSettings()} />}
      {saveError && <ErrorNotice error={saveError} />}
      {data && (
        <div className="stack settings">
          <fieldset className="panel">
            <legend>Appearance</legend>
            <div className="radio-row">
              {THEMES.map(([theme, label]) => (
                <label key={theme} className="radio">
                  <input
                    type="radio"
                    name="theme"
                    value={theme}
                    checked={data.theme === theme}
                    onChange={() => void updateSettings({ theme })}
                  />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
          <TimeZoneField value={data.timeZone} />
          <fieldset className="panel">
            <legend>Syncing</legend>
            <div className="field">
              <label htmlFor={ids.interval}>Fetch new data from Meta</label>
              <select
                id={ids.interval}
                value={data.syncIntervalMinutes}
                onChange={(event) => void updateSettings({ syncIntervalMinutes: Number(event.target.value) })}
              >
                {intervals.map((minutes) => (
                  <option key={minutes} value={minutes}>
                    {intervalLabel(minutes)}
                  </option>
                ))}
              </select>
            </div>
          </fieldset>
          <fieldset className="panel">
            <legend>Desktop</legend>
            <div className="field">
              <label htmlFor={ids.windowClose}>When the window is closed</label>
              <select
                id={ids.windowClose}
                value={data.whenWindowCloses}
                onChange={(event) => void updateSettings({ whenWindowCloses: event.target.value as Settings['whenWindowCloses'] })}
              >
                {WINDOW_CLOSE.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
              <p className="muted">While it keeps syncing, its icon offers Open, Sync now, Pause syncing and Quit.</p>
            </div>
            <CheckSetting
              id={ids.loginStart}
              checked={data.launchAtLogin}
              onChange={(launchAtLogin) => void updateSettings({ launchAtLogin })}
              label="Start when I log in"
              hint="Opens in the tray / menu bar on Windows and macOS, and syncs in the background."
            />
          </fieldset>
          <fieldset className="panel">
            <legend>Locking</legend>
            <div className="field">
              <label htmlFor={ids.autoLock}>Lock Social Desk</label>
              <select
                id={ids.autoLock}
                value={data.autoLockMinutes === null ? 'never' : String(data.autoLockMinutes)}
                onChange={(event) => void updateSettings({ autoLockMinutes: event.target.value === 'never' ? null : Number(event.target.value) })}
              >
                {autoLock.map(([minutes, label]) => (
                  <option key={minutes ?? 'never'} value={minutes === null ? 'never' : String(minutes)}>
                    {label}
                  </option>
                ))}
              </select>
              <p className="muted">
                How long messages and comments are kept, and text-only messages, are in Privacy, where you see what would be removed
                before anything is.
              </p>
            </div>
            <div className="check">
              <input
                id={ids.notify}
                type="checkbox"
                checked={data.notifyNewMessages}
                onChange={(event) => void updateSettings({ notifyNewMessages: event.target.checked })}
              />
              <label htmlFor={ids.notify}>
                Notify me of new messages and comments
                <span className="muted block" data-notify-privacy>
                  A system notification when new ones arrive while Social Desk is in the background, at most one a minute; clicking it opens the
                  conversation. It says only how many (“2 new messages and 1 new comment”): never a name or message text, so nothing private shows
                  on a locked screen or stays in the notification centre. The app icon and Inbox show the same unread count.
                </span>
              </label>
            </div>
          </fieldset>
          <SavedRepliesSection />
          <MetaAppSection />
          <RelaySection />
        </div>
      )}
    </section>
  );
}
