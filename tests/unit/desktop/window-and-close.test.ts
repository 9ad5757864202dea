import { describe, expect, it } from 'vitest';
import { keepRunningInTrayByDefault, keepsRunningInTray, onWindowClose } from '../../../src-main/desktop/close-behavior';
import { DEFAULT_SIZE, parseWindowState, restoreBounds } from '../../../src-main/desktop/window-state';
import { updatePolicy } from '../../../src-main/desktop/update-policy';

const screen = { x: 0, y: 0, width: 1920, height: 1040 };

describe('closing the window', () => {
  it('keeps running in the tray by default on Windows and macOS, not on Linux', () => {
    expect(keepRunningInTrayByDefault('win32')).toBe(true);
    expect(keepRunningInTrayByDefault('darwin')).toBe(true);
    expect(keepRunningInTrayByDefault('linux')).toBe(false);
  });

  it("follows the user's choice over the default", () => {
    expect(keepsRunningInTray('keep-syncing', 'linux')).toBe(true);
    expect(keepsRunningInTray('quit', 'win32')).toBe(false);
    expect(keepsRunningInTray('default', 'darwin')).toBe(true);
    expect(keepsRunningInTray('default', 'linux')).toBe(false);
  });

  it('hides instead of closing, except while quitting', () => {
    expect(onWindowClose({ keepRunning: true, quitting: false })).toBe('hide');
    expect(onWindowClose({ keepRunning: true, quitting: true })).toBe('close');
    expect(onWindowClose({ keepRunning: false, quitting: false })).toBe('close');
  });
});

describe('window size and position', () => {
  it('opens at the default size the first time', () => {
    expect(restoreBounds(null, [screen])).toEqual({ bounds: DEFAULT_SIZE, maximized: false });
  });

  it('restores where it was when that is on a screen', () => {
    const saved = { bounds: { x: 200, y: 100, width: 1000, height: 700 }, maximized: true };
    expect(restoreBounds(saved, [screen])).toEqual({ bounds: saved.bounds, maximized: true });
  });

  it('keeps the size but lets the OS place it when its screen is gone', () => {
    const saved = { bounds: { x: 2500, y: 100, width: 1000, height: 700 }, maximized: false };
    expect(restoreBounds(saved, [screen])).toEqual({ bounds: { width: 1000, height: 700 }, maximized: false });
    // Title bar above the top of the only screen: cannot be grabbed either.
    expect(restoreBounds({ ...saved, bounds: { ...saved.bounds, x: 100, y: -200 } }, [screen]).bounds).toEqual({ width: 1000, height: 700 });
  });

  it('never restores smaller than the minimum size', () => {
    const restored = restoreBounds({ bounds: { x: 10, y: 10, width: 300, height: 200 }, maximized: false }, [screen]);
    expect(restored.bounds).toEqual({ x: 10, y: 10, width: 900, height: 600 });
  });

  it('treats a malformed saved state as nothing saved', () => {
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 'wide', height: 3 } })).toBeNull();
    expect(parseWindowState('nonsense')).toBeNull();
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 1000, height: 700 } })).toEqual({ bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: false });
  });
});

describe('update policy', () => {
  const packaged = { isPackaged: true, feedConfigured: true, platform: 'win32' as const, runningAsAppImage: false };
  it('checks only in a packaged build that has a release feed', () => {
    expect(updatePolicy(packaged)).toEqual({ enabled: true });
    expect(updatePolicy({ ...packaged, feedConfigured: false })).toEqual({ enabled: false, reason: 'this build has no release feed configured' });
    expect(updatePolicy({ ...packaged, isPackaged: false })).toMatchObject({ enabled: false });
  });

  it('leaves a Linux .deb to the package manager but updates an AppImage', () => {
    expect(updatePolicy({ ...packaged, platform: 'linux' })).toMatchObject({ enabled: false });
    expect(updatePolicy({ ...packaged, platform: 'linux', runningAsAppImage: true })).toEqual({ enabled: true });
  });
});
