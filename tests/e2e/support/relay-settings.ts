import { type Locator, type Page } from '@playwright/test';
import { hashSecret, newPairCode } from '../../../relay/src/crypto';
import type { startRelay } from '../../../relay/src/server';
import { openView } from './flows';

type RunningRelay = Awaited<ReturnType<typeof startRelay>>;

/**
 * Settings → Relay with the relay's address filled in, and a fresh pairing code from the relay's
 * admin side (what the brand's admin command prints), valid for a minute; pairing is left to the spec.
 */
export async function openRelaySettings(page: Page, relay: RunningRelay): Promise<{ section: Locator; code: string }> {
  const code = newPairCode();
  await relay.storage.createPairCode(hashSecret(code), Date.now() + 60_000);
  await openView(page, 'settings');
  const section = page.locator('fieldset.relay');
  await section.getByLabel('Relay address').fill(relay.url);
  return { section, code };
}
