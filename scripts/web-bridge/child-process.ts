/**
 * Test-only: the web bridge in a process of its own, so an end-to-end spec can kill it (SIGKILL)
 * at a chosen moment and start it again on the same data, like the app killed and reopened.
 * Configured by environment (see tests/e2e/support/bridge-child.ts); speaks one JSON object per
 * line on stdout: `{ "url": … }` once listening, `{ "metaAccepted": id }` when holding.
 *
 *   BRIDGE_DATA_DIR               the data directory
 *   BRIDGE_KEYCHAIN               the BridgeKeychain, as JSON
 *   BRIDGE_DEMO_WORLD_HOST        where the demo's world is kept outside this process (POST record → { url })
 *   BRIDGE_HOLD_AFTER_META_ACCEPTED=1  after Meta accepted an outbox item, say so and never record it
 */
import type { DemoWorldRecord } from '../../src-main/services/live-demo';
import type { BridgeKeychain, BridgeServiceOptions } from './bridge-core';
import { startWebBridge } from './index';

function say(message: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

const dataDir = process.env.BRIDGE_DATA_DIR;
if (!dataDir) throw new Error('BRIDGE_DATA_DIR is required');
const keychain = JSON.parse(process.env.BRIDGE_KEYCHAIN ?? '{"kind":"none"}') as BridgeKeychain;
const host = process.env.BRIDGE_DEMO_WORLD_HOST;

const services: BridgeServiceOptions = { outboxAutoStart: true };
if (host) {
  services.attachDemoWorld = async (record: DemoWorldRecord) => {
    const response = await fetch(host, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
    if (!response.ok) throw new Error(`The demo world host answered ${response.status}`);
    return (await response.json()) as { url: string };
  };
}
if (process.env.BRIDGE_HOLD_AFTER_META_ACCEPTED === '1') {
  // Between Meta's answer and the local record: the moment a crash must not cause a second send.
  services.afterMetaAccepted = (item) => {
    say({ metaAccepted: item.id });
    return new Promise<void>(() => {});
  };
}

const bridge = await startWebBridge({ dataDir, keychain, services });
say({ url: bridge.url });
process.on('SIGTERM', () => {
  void bridge.stop().finally(() => process.exit(0));
});
