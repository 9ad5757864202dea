// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../src-preload/contract';
import { account, NOW, syncStatus, workspace } from './accounts-fixtures';
import { renderApp, teardownApp } from './helpers/render-app';

afterEach(teardownApp);

function indicator(): HTMLElement {
  const element = document.querySelector<HTMLElement>('[data-sync-state]');
  if (!element) throw new Error('no sync indicator');
  return element;
}

async function openWorkspace(status: SyncStatus = syncStatus()) {
  const fake = renderApp(workspace([account()], status));
  await screen.findByRole('navigation', { name: 'Main' });
  await waitFor(() => expect(indicator().textContent).toContain('Synced 5 min ago'));
  return fake;
}

const running = (over: Partial<SyncStatus> = {}) =>
  syncStatus({ accounts: [{ accountId: 1, running: true, pausedUntil: null, lastRun: null }], ...over });

describe('global sync indicator', () => {
  it('names a failed background task (a sync nobody waited on) until a later status clears it', async () => {
    const fake = await openWorkspace();
    fake.emit('sync:status', syncStatus({ backgroundFailure: { task: 'sync', code: 'BUSY', message: 'Another Social Desk is using the local database.', at: NOW - 2 * 60_000 } }));
    const failure = await waitFor(() => {
      const element = indicator().querySelector('[data-background-failure]');
      if (!element) throw new Error('no failure shown yet');
      return element;
    });
    expect(failure.getAttribute('data-background-failure')).toBe('BUSY');
    expect(failure.textContent).toBe('Last sync failed 2 min ago: Another Social Desk is using the local database.');
    fake.emit('sync:status', syncStatus());
    await waitFor(() => expect(indicator().querySelector('[data-background-failure]')).toBeNull());
  });

  it('is idle with the time of the newest sync', async () => {
    await openWorkspace();
    expect(indicator().getAttribute('data-sync-state')).toBe('idle');
    expect(indicator().querySelector('progress')).toBeNull();
  });

  it('follows sync:status and sync:progress: running with the job and a progress bar, then idle again', async () => {
    const fake = await openWorkspace();
    fake.emit('sync:status', running());
    fake.emit('sync:progress', { accountId: 1, job: 'Instagram posts', done: 300, total: 0 });
    await waitFor(() => expect(indicator().getAttribute('data-sync-state')).toBe('running'));
    expect(indicator().textContent).toContain('Syncing Instagram posts 300');
    expect(indicator().querySelector('progress')).toBeTruthy();

    fake.emit('sync:progress', { accountId: 1, job: 'Account insights', done: 3, total: 10 });
    const bar = await waitFor(() => {
      const element = indicator().querySelector<HTMLProgressElement>('progress[value]');
      if (!element) throw new Error('no determinate bar yet');
      return element;
    });
    expect(bar.value).toBe(3);
    expect(bar.max).toBe(10);
    expect(indicator().textContent).toContain('Syncing Account insights 3 of 10');

    fake.emit('sync:status', syncStatus());
    await waitFor(() => expect(indicator().getAttribute('data-sync-state')).toBe('idle'));
  });

  it('shows the running job on the account row in the Accounts view', async () => {
    const fake = await openWorkspace();
    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    const row = await waitFor(() => {
      const element = document.querySelector<HTMLElement>('[data-account-id="1"]');
      if (!element) throw new Error('no row yet');
      return element;
    });
    fake.emit('sync:status', running());
    fake.emit('sync:progress', { accountId: 1, job: 'Instagram messages', done: 12, total: 0 });
    await waitFor(() => expect(within(row).getByText('Syncing Instagram messages 12')).toBeTruthy());
    expect((within(row).getByRole('button', { name: 'Sync now' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says offline plainly', async () => {
    const fake = await openWorkspace();
    fake.emit('sync:status', syncStatus({ online: false }));
    await waitFor(() => expect(indicator().getAttribute('data-sync-state')).toBe('offline'));
    expect(indicator().textContent).toContain('Offline — showing saved data');
  });

  it('says what Meta paused and until when, on the indicator and the account', async () => {
    const until = NOW + 40 * 60_000;
    const fake = await openWorkspace();
    fake.emit(
      'sync:status',
      syncStatus({ accounts: [{ accountId: 1, running: false, pausedUntil: until, lastRun: null }] }),
    );
    await waitFor(() => expect(indicator().getAttribute('data-sync-state')).toBe('paused'));
    expect(indicator().textContent).toMatch(/Paused by Meta until \S/);
    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    await waitFor(() =>
      expect(document.querySelector('[data-account-id="1"]')?.textContent).toMatch(/Paused by Meta until \S/),
    );
    const row = document.querySelector<HTMLElement>('[data-account-id="1"]')!;
    expect((within(row).getByRole('button', { name: 'Sync now' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('Meta API budget meter', () => {
  it('shows the highest percent used, with an accessible label, and warns above 75%', async () => {
    const fake = await openWorkspace(
      syncStatus({ budget: [{ key: 'app', percent: 12, pausedUntil: null }, { key: 'business', percent: 4, pausedUntil: null }] }),
    );
    const budget = document.querySelector<HTMLElement>('[data-budget-percent]')!;
    expect(budget.getAttribute('data-budget-percent')).toBe('12');
    expect(budget.getAttribute('data-budget')).toBe('ok');
    const meter = screen.getByRole('meter', { name: 'Meta API budget: 12% used this hour' }) as HTMLMeterElement;
    expect(meter.value).toBe(12);

    fake.emit('sync:status', syncStatus({ budget: [{ key: 'app', percent: 82, pausedUntil: null }] }));
    await waitFor(() => expect(document.querySelector('[data-budget-percent]')?.getAttribute('data-budget-percent')).toBe('82'));
    const warned = document.querySelector<HTMLElement>('[data-budget-percent]')!;
    expect(warned.getAttribute('data-budget')).toBe('warning');
    expect(warned.className).toContain('budget--warning');
    expect(warned.textContent).toContain('Meta API budget: 82% used this hour');
    expect(warned.textContent).toMatch(/syncing slows down/);
  });

  it('says when a budget pause ends', async () => {
    const fake = await openWorkspace();
    fake.emit('sync:status', syncStatus({ budget: [{ key: 'app', percent: 100, pausedUntil: NOW + 30 * 60_000 }] }));
    await waitFor(() => expect(indicator().getAttribute('data-sync-state')).toBe('paused'));
    expect(document.querySelector('[data-budget-percent]')?.getAttribute('data-budget')).toBe('warning');
    expect(indicator().textContent).toMatch(/Meta's limit is reached: syncing resumes at \S/);
  });

  it('does not invent a figure before Meta reported one', async () => {
    await openWorkspace(syncStatus({ budget: [] }));
    expect(document.querySelector('[data-budget-percent]')).toBeNull();
    expect(screen.getByText('Meta API budget: not reported yet')).toBeTruthy();
  });
});
