import { describe, expect, it } from 'vitest';
import { signingPlan } from '../../../scripts/packaging/signing.mjs';

describe('signing plan for npm run dist', () => {
  it('builds unsigned on Windows without credentials and says so', () => {
    const plan = signingPlan('win32', {});
    expect(plan.signed).toBe(false);
    expect(plan.notes.join(' ')).toMatch(/UNSIGNED Windows build/);
  });

  it('uses the certificate in CSC_LINK on Windows', () => {
    expect(signingPlan('win32', { CSC_LINK: 'cert.pfx' })).toMatchObject({ signed: true, args: [] });
  });

  it('passes Azure Trusted Signing options only when all four are set, the publisher name included', () => {
    const env = {
      AZURE_TRUSTED_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net',
      AZURE_TRUSTED_SIGNING_ACCOUNT: 'acct',
      AZURE_TRUSTED_SIGNING_PROFILE: 'prof',
      AZURE_TRUSTED_SIGNING_PUBLISHER: 'Social Desk Ltd',
    };
    const plan = signingPlan('win32', env);
    expect(plan.signed).toBe(true);
    expect(plan.args).toContain('-c.win.azureSignOptions.endpoint=https://weu.codesigning.azure.net');
    expect(plan.args).toContain('-c.win.azureSignOptions.certificateProfileName=prof');
    // Required by electron-builder's Azure options, and what the updater checks an update's signature against.
    expect(plan.args).toContain('-c.win.azureSignOptions.publisherName=Social Desk Ltd');
    expect(signingPlan('win32', { ...env, AZURE_TRUSTED_SIGNING_PROFILE: '' }).signed).toBe(false);
    const noPublisher = signingPlan('win32', { ...env, AZURE_TRUSTED_SIGNING_PUBLISHER: '' });
    expect(noPublisher.signed).toBe(false);
    expect(noPublisher.notes.join(' ')).toMatch(/missing AZURE_TRUSTED_SIGNING_PUBLISHER/);
  });

  it('ad-hoc signs and skips notarization on a Mac without an identity', () => {
    const plan = signingPlan('darwin', {});
    expect(plan).toMatchObject({ signed: false, env: { CSC_IDENTITY_AUTO_DISCOVERY: 'false' } });
    expect(plan.args).toEqual(['-c.mac.identity=-', '-c.mac.notarize=false']);
    expect(plan.notes.join(' ')).toMatch(/UNSIGNED macOS build/);
  });

  it('notarizes only with a complete set of Apple credentials', () => {
    expect(signingPlan('darwin', { CSC_LINK: 'id.p12', APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'x', APPLE_TEAM_ID: 'T' }).args).toEqual([]);
    const partial = signingPlan('darwin', { CSC_LINK: 'id.p12', APPLE_ID: 'a@b.c' });
    expect(partial.args).toEqual(['-c.mac.notarize=false']);
    expect(partial.notes.join(' ')).toMatch(/NOT notarized/);
  });

  it('leaves Linux packages unsigned', () => {
    expect(signingPlan('linux', { CSC_LINK: 'x' }).signed).toBe(false);
  });
});
