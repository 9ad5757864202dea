/**
 * Turns one thing Meta sent into sealed copies, one per active device, and stores them. The
 * plaintext exists only in memory for the duration of this call.
 */
import { cryptoReady, seal } from './crypto';
import type { RelayStorage } from './storage/types';

/** What a device finds inside a sealed envelope (versioned so the desktop can refuse the unknown). */
export type EnvelopeContent =
  | { v: 1; kind: 'webhook'; arrivedAt: number; /** The raw body as Meta sent it, byte for byte. */ body: string }
  | { v: 1; kind: 'data-deletion'; arrivedAt: number; userId: string; confirmationCode: string; statusUrl: string }
  | { v: 1; kind: 'deauthorize'; arrivedAt: number; userId: string };

/** Seals and stores; returns the seq, or null when no device is paired (nothing can be kept). */
export async function sealAndStore(storage: RelayStorage, content: EnvelopeContent): Promise<{ seq: number; devices: number } | null> {
  await cryptoReady();
  const devices = (await storage.listDevices()).filter((d) => d.revokedAt === null);
  if (devices.length === 0) return null;
  const plaintext = new TextEncoder().encode(JSON.stringify(content));
  const sealed = new Map(devices.map((d) => [d.id, seal(plaintext, Buffer.from(d.publicKey, 'base64'))]));
  plaintext.fill(0);
  const seq = await storage.append(content.arrivedAt, sealed);
  return { seq, devices: devices.length };
}
