/**
 * Decides, from the environment only, how `npm run dist` signs the installers, so a developer
 * without certificates still gets a working (unsigned) build that says what it is.
 *
 * - Windows: a certificate in CSC_LINK (+ CSC_KEY_PASSWORD), which electron-builder picks up
 *   itself, or Azure Trusted Signing when AZURE_TRUSTED_SIGNING_ENDPOINT, _ACCOUNT, _PROFILE and
 *   _PUBLISHER are set (credentials in AZURE_TENANT_ID / AZURE_CLIENT_ID / AZURE_CLIENT_SECRET,
 *   read by the Azure tooling). The publisher name, exactly as in the certificate, is required by
 *   electron-builder's azureSignOptions and is what electron-updater checks a downloaded Windows
 *   update's signature against (app-builder-lib WindowsAzureSigningConfiguration.publisherName).
 * - macOS: a Developer ID identity in CSC_LINK or the keychain, and notarization through
 *   notarytool when APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID (or the API-key
 *   trio) are set. Without an identity the build is ad-hoc signed and Gatekeeper will warn.
 * - Linux: packages are not signed.
 */

const AZURE_VARS = ['AZURE_TRUSTED_SIGNING_ENDPOINT', 'AZURE_TRUSTED_SIGNING_ACCOUNT', 'AZURE_TRUSTED_SIGNING_PROFILE', 'AZURE_TRUSTED_SIGNING_PUBLISHER'];
const NOTARY_ID_VARS = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'];
const NOTARY_KEY_VARS = ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'];

/** @param {Record<string, string | undefined>} env @param {string[]} names */
const allSet = (env, names) => names.every((name) => Boolean(env[name]));

/**
 * @param {string} platform process.platform of the build machine
 * @param {Record<string, string | undefined>} env
 * @returns {{ signed: boolean, args: string[], env: Record<string, string>, notes: string[] }}
 */
export function signingPlan(platform, env) {
  if (platform === 'win32') {
    if (allSet(env, AZURE_VARS)) {
      return {
        signed: true,
        args: [
          `-c.win.azureSignOptions.endpoint=${env.AZURE_TRUSTED_SIGNING_ENDPOINT}`,
          `-c.win.azureSignOptions.codeSigningAccountName=${env.AZURE_TRUSTED_SIGNING_ACCOUNT}`,
          `-c.win.azureSignOptions.certificateProfileName=${env.AZURE_TRUSTED_SIGNING_PROFILE}`,
          `-c.win.azureSignOptions.publisherName=${env.AZURE_TRUSTED_SIGNING_PUBLISHER}`,
        ],
        env: {},
        notes: ['Windows: signing with Azure Trusted Signing.'],
      };
    }
    if (env.CSC_LINK || env.WIN_CSC_LINK) return { signed: true, args: [], env: {}, notes: ['Windows: signing with the certificate in CSC_LINK.'] };
    const missingAzure = AZURE_VARS.filter((name) => !env[name]);
    const partlyAzure = missingAzure.length < AZURE_VARS.length;
    return {
      signed: false,
      args: [],
      env: {},
      notes: [
        partlyAzure
          ? `UNSIGNED Windows build: Azure Trusted Signing is missing ${missingAzure.join(', ')}. SmartScreen will warn whoever installs it; do not publish it.`
          : 'UNSIGNED Windows build: no CSC_LINK or AZURE_TRUSTED_SIGNING_* set. SmartScreen will warn whoever installs it; do not publish it.',
      ],
    };
  }
  if (platform === 'darwin') {
    const canNotarize = allSet(env, NOTARY_ID_VARS) || allSet(env, NOTARY_KEY_VARS) || Boolean(env.APPLE_KEYCHAIN_PROFILE);
    if (env.CSC_LINK || env.CSC_NAME) {
      return {
        signed: true,
        args: canNotarize ? [] : ['-c.mac.notarize=false'],
        env: {},
        notes: canNotarize
          ? ['macOS: signing with the Developer ID in CSC_LINK and notarizing with notarytool.']
          : ['macOS: signed but NOT notarized (set APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID); Gatekeeper will warn on other Macs.'],
      };
    }
    return {
      signed: false,
      // No identity: ad-hoc sign (arm64 needs at least that to start) and skip notarization.
      args: ['-c.mac.identity=-', '-c.mac.notarize=false'],
      env: { CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
      notes: [
        'UNSIGNED macOS build (ad-hoc signature; set CSC_LINK or CSC_NAME to sign): Gatekeeper will refuse it on other Macs until it is right-clicked → Open. Do not publish it.',
      ],
    };
  }
  return { signed: false, args: [], env: {}, notes: ['Linux: AppImage and deb are not signed (distributions verify the download instead).'] };
}
