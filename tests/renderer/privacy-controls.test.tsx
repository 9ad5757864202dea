// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ForgetReceipt, RetentionPreview } from '../../src-preload/contract';
import { appState, defaultSettings, ok } from './helpers/fake-api';
import { renderApp, teardownApp } from './helpers/render-app';

afterEach(teardownApp);

const HOSTILE = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>Invoice \u202Efdp.exe ${'W'.repeat(100_000)}`;
const receipt: ForgetReceipt = { code: 'FG-7K3M-Q9XD-2H', forgottenAt: Date.UTC(2026, 0, 2), counts: { messages: 12, conversations: 1, comments: 3, people: 2 }, total: 18, files: { crashReports: 2 }, requests: [] };

function expectInert(root: ParentNode) {
  expect(root.querySelector('img[src="x"]')).toBeNull();
  expect(root.querySelector('script')).toBeNull();
  expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  // Right-to-left overrides are dropped, so "fdp.exe" reads as what it is.
  expect(root.textContent).not.toContain('\u202E');
}

async function openPrivacy(extra: Parameters<typeof renderApp>[0] = {}) {
  const fake = renderApp({ 'app:getState': () => ok(appState({ phase: 'ready' })), ...extra });
  fireEvent.click(await screen.findByRole('button', { name: 'Privacy' }));
  await waitFor(() => expect(document.querySelector('[data-view="privacy"]')?.getAttribute('data-status')).toBe('ready'));
  return fake;
}

describe('forget a person', () => {
  it('finds, previews the counts, forgets on confirm and shows the receipt; hostile names stay inert and short', async () => {
    const fake = await openPrivacy({
      'privacy:findPeople': () =>
        ok([{ personId: 7, name: HOSTILE, handle: 'javascript:alert(1)', externalId: '178', idKind: 'igsid', accountName: 'Maple', conversations: 1, messages: 12, comments: 3 }]),
      'privacy:previewForget': () => ok({ people: [{ who: HOSTILE, handle: 'javascript:alert(1)', account: 'Maple' }], counts: receipt.counts, total: 18, files: { crashReports: 2, exportStaging: 1 }, ownAccount: null }),
      'privacy:forget': () => ok(receipt),
    });
    fireEvent.change(screen.getByLabelText('Name, @handle or Meta id'), { target: { value: 'inv' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    const row = await screen.findByText(/Invoice fdp\.exe/);
    expect(row.textContent!.length).toBeLessThan(200);
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Forget…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Forget this person?' });
    await waitFor(() => expect(dialog.querySelector('[data-will-remove="messages"]')?.textContent).toMatch(/Messages\s*12/));
    // Files the app keeps are counted as files, in words, apart from the rows.
    expect(dialog.querySelector('[data-will-remove="file:crashReports"]')?.textContent).toBe('Crash-report files2 files');
    expect(dialog.querySelector('[data-will-remove="file:exportStaging"]')?.textContent).toBe('Files of an unfinished export1 file');
    expectInert(document.body);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Forget them' }));
    await waitFor(() => expect(document.querySelector('[data-receipt="FG-7K3M-Q9XD-2H"]')).not.toBeNull());
    expect(fake.callsTo('privacy:forget')).toEqual([{ target: { personId: 7 }, confirm: 'FORGET' }]);
    expect(document.querySelector('[data-receipt]')?.textContent).not.toContain('Invoice');
    expect(document.querySelector('[data-removed="file:crashReports"]')?.textContent).toBe('Crash-report files2 files');
    expectInert(document.body);
  });

  it('cancel removes nothing', async () => {
    const fake = await openPrivacy({
      'privacy:previewForget': () => ok({ people: [], counts: { messages: 1 }, total: 1, files: {}, ownAccount: null }),
    });
    fireEvent.change(screen.getByLabelText('Name, @handle or Meta id'), { target: { value: 'maria' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    fireEvent.click(await screen.findByRole('button', { name: /Forget everything stored under/ }));
    const dialog = await screen.findByRole('alertdialog');
    await waitFor(() => expect(dialog.querySelector('[data-forget-preview]')).not.toBeNull());
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fake.callsTo('privacy:forget')).toEqual([]);
    expect(fake.callsTo('privacy:previewForget')).toEqual([{ target: { handleOrId: 'maria' } }]);
  });

  it("the brand's own account is refused in words; Cancel still works while Confirm cannot be pressed", async () => {
    const fake = await openPrivacy({
      'privacy:previewForget': () => ok({ people: [], counts: {}, total: 0, files: {}, ownAccount: 'Maple <b>Studio</b>' }),
    });
    fireEvent.change(screen.getByLabelText('Name, @handle or Meta id'), { target: { value: 'maple' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    fireEvent.click(await screen.findByRole('button', { name: /Forget everything stored under/ }));
    const dialog = await screen.findByRole('alertdialog');
    await waitFor(() => expect(dialog.querySelector('[data-own-account]')?.textContent).toContain('That is your own account “Maple <b>Studio</b>”'));
    expect(dialog.querySelector('b')).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Forget them' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.callsTo('privacy:forget')).toEqual([]);
  });
});

describe('retention asks first', () => {
  const preview: RetentionPreview = {
    classes: [
      { name: 'messageText', label: 'messages', days: 30, count: 420, oldest: Date.UTC(2025, 5, 1) },
      { name: 'attachments', label: 'message attachments', days: null, count: 0, oldest: null },
      { name: 'comments', label: 'comments', days: null, count: 0, oldest: null },
      { name: 'engagedPeople', label: 'engaged-people records', days: null, count: 0, oldest: null },
      { name: 'metricSnapshots', label: 'post figure snapshots', days: null, count: 0, oldest: null },
      { name: 'demographics', label: 'audience breakdowns', days: null, count: 0, oldest: null },
    ],
    conversationsEmptied: 12,
    emptiedWith: { notes: 2, labels: 1, outboxItems: 3 },
    namesScrubbed: 0,
    total: 420,
    asOf: Date.UTC(2025, 6, 1, 12),
  };

  it('a changed window shows counts and the oldest date; cancel applies nothing, confirm applies exactly that', async () => {
    const fake = await openPrivacy({
      'privacy:previewRetention': () => ok(preview),
      'privacy:applyRetention': () => ok({ removed: { messageText: 420, attachments: 0, comments: 0, engagedPeople: 0, metricSnapshots: 0, demographics: 0 }, conversationsEmptied: 12, namesScrubbed: 0, total: 420, at: 1 }),
    });
    expect((screen.getByRole('button', { name: 'Review changes…' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Messages'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Review changes…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove these now?' });
    expect(dialog.querySelector('[data-preview="messageText"]')?.textContent).toMatch(/Messages30 days420Jun 1, 2025/);
    expect(dialog.textContent).toContain(
      '12 conversations lose every message and are removed with them, with their 2 internal notes, 1 label and 3 replies in the outbox.',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fake.callsTo('privacy:applyRetention')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Review changes…' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Remove 420 items' }));
    await waitFor(() =>
      expect(fake.callsTo('privacy:applyRetention')).toEqual([
        { retention: { ...defaultSettings.retention, messageText: 30 }, textOnlyDms: true, confirm: 'APPLY', asOf: preview.asOf, expectedTotal: 420 },
      ]),
    );
  });

  it('a confirmation refused as out of date shows why and what would be removed now, to confirm afresh', async () => {
    let previews = 0;
    const fake = await openPrivacy({
      'privacy:previewRetention': () => ok({ ...preview, ...(previews++ > 0 ? { total: 421, asOf: preview.asOf + 60_000 } : {}) }),
      'privacy:applyRetention': () => ({ ok: false, error: { code: 'CONFLICT', message: 'What would be removed changed since you reviewed it.' } }),
    });
    fireEvent.change(screen.getByLabelText('Messages'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Review changes…' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Remove 420 items' }));
    const again = await screen.findByRole('alertdialog', { name: 'Remove these now?' });
    await waitFor(() => expect(within(again).getByRole('button', { name: 'Remove 421 items' })).toBeTruthy());
    expect(again.querySelector('[data-retention-outdated]')?.textContent).toBe('What would be removed changed since you reviewed it. Below is what would be removed now.');
    expect(fake.callsTo('privacy:applyRetention')).toHaveLength(1);
  });
});

describe('deletion requests and the audit log', () => {
  it('shows requests and a broken chain in plain words, with hostile text inert', async () => {
    await openPrivacy({
      'privacy:listRequests': () =>
        ok([
          { code: 'DR-AAAA-BBBB-CC', receivedAt: 1, source: 'email', requester: HOSTILE, status: 'open', doneAt: null, receiptCode: null, note: null, statusUrl: null },
          { code: 'DR-DDDD-EEEE-FF', receivedAt: 1, source: 'meta_callback', requester: null, status: 'done', doneAt: 2, receiptCode: 'FG-7K3M-Q9XD-2H', note: null, statusUrl: null },
        ]),
      'privacy:verifyAudit': () => ok({ ok: false, checked: 4, brokenAt: { id: 5, reason: 'its content was changed after it was written' } }),
      'privacy:listAudit': () => ok([{ id: 5, at: 1, action: 'account.connected', category: 'accounts', summary: 'Account connected: <b>Maple</b>' }]),
    });
    expect(document.querySelector('[data-request-status="done"]')?.textContent).toContain('Receipt FG-7K3M-Q9XD-2H');
    expect(document.querySelector('[data-request-status="done"]')?.textContent).toContain('Forgotten');
    expect(screen.getByRole('alert').textContent).toContain('The log was tampered with at entry #5: its content was changed after it was written.');
    expect(document.querySelector('b')).toBeNull();
    expectInert(document.body);
  });

  it('says when the newest entry was not noted outside the database until now', async () => {
    await openPrivacy({ 'privacy:verifyAudit': () => ok({ ok: true, checked: 4, brokenAt: null, head: 'anchored-now' }) });
    expect(document.querySelector('[data-audit-chain="intact"]')?.textContent).toMatch(/not noted outside the database until now/);
  });
});

describe('export everything', () => {
  it('shows progress while it runs; Cancel asks the main process to stop and says nothing was written', async () => {
    let finish: (value: null) => void = () => {};
    const fake = await openPrivacy({
      'privacy:exportEverything': () => new Promise((resolve) => (finish = (v) => resolve(ok(v)))),
      'privacy:cancelExport': () => {
        finish(null);
        return ok({ cancelled: true });
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Export everything…' }));
    act(() => fake.emit('privacy:export-progress', { table: 'messages', rowsDone: 40_000, rowsTotal: 200_000, tablesDone: 6, tablesTotal: 25 }));
    const progress = await waitFor(() => {
      const el = document.querySelector('[data-export-progress="messages"]');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(progress.textContent).toContain('Table 7 of 25 (messages): 40,000 of 200,000 rows');
    expect(screen.getByRole('button', { name: 'Export everything…' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(within(progress as HTMLElement).getByRole('button', { name: 'Cancel export' }));
    await waitFor(() => expect(document.querySelector('[data-export-notice]')?.textContent).toBe('Export cancelled: what was written so far was removed, and nothing reached the folder you chose.'));
    expect(document.querySelector('[data-export-progress]')).toBeNull();
    expect(fake.callsTo('privacy:cancelExport')).toHaveLength(1);
  });
});

describe('lock screen', () => {
  it('"Forgot passphrase?" explains that nothing recovers the data and offers the wipe behind one confirmation', async () => {
    const fake = renderApp({ 'app:getState': () => ok(appState({ phase: 'locked', keyProtection: { backend: 'passphrase', osProtectionAvailable: false, osBackendName: null } })) });
    fireEvent.click(await screen.findByRole('button', { name: 'Forgot passphrase?' }));
    expect(screen.getByText(/Nothing can recover the data without it/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Erase and start over…' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
    expect(fake.callsTo('privacy:wipe')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Back to unlock' }));
    expect(screen.getByLabelText('Passphrase')).toBeTruthy();
  });

  it('with the keychain, Unlock needs no passphrase', async () => {
    const fake = renderApp({ 'app:getState': () => ok(appState({ phase: 'locked', keyProtection: { backend: 'os-keychain', osProtectionAvailable: true, osBackendName: 'keychain' } })) });
    fireEvent.click(await screen.findByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(fake.callsTo('vault:unlock')).toEqual([{ passphrase: '' }]));
    expect(screen.queryByRole('button', { name: 'Forgot passphrase?' })).toBeNull();
  });
});
