/**
 * What a device finds inside a sealed envelope (the relay's `EnvelopeContent`, relay/src/sealer.ts),
 * checked before use: the relay is the brand's, but a newer relay version or a corrupted copy must
 * produce a clear "cannot read" instead of a crash or a half-stored event. Meta's own payload
 * inside a `webhook` envelope is then parsed by `meta/webhooks.ts` only, byte for byte as Meta sent it.
 */
import { z } from 'zod';

const envelopeContentSchema = z.discriminatedUnion('kind', [
  z.object({ v: z.literal(1), kind: z.literal('webhook'), arrivedAt: z.number(), body: z.string() }),
  z.object({ v: z.literal(1), kind: z.literal('data-deletion'), arrivedAt: z.number(), userId: z.string().min(1), confirmationCode: z.string().min(1), statusUrl: z.string() }),
  z.object({ v: z.literal(1), kind: z.literal('deauthorize'), arrivedAt: z.number(), userId: z.string().min(1) }),
]);

export type EnvelopeContent = z.infer<typeof envelopeContentSchema>;

export class EnvelopeContentError extends Error {
  override name = 'EnvelopeContentError';
}

/** Parses the opened plaintext; throws EnvelopeContentError naming what was wrong. */
export function parseEnvelopeContent(plaintext: string): EnvelopeContent {
  let json: unknown;
  try {
    json = JSON.parse(plaintext);
  } catch {
    throw new EnvelopeContentError('An envelope from the relay is not JSON; it was skipped and a sync will fill in.');
  }
  const parsed = envelopeContentSchema.safeParse(json);
  if (!parsed.success) {
    const kind = (json as { kind?: unknown } | null)?.kind;
    throw new EnvelopeContentError(`An envelope from the relay has a kind or version this app does not read (${typeof kind === 'string' ? kind : 'no kind'}); it was skipped and a sync will fill in. Update the app if the relay is newer.`);
  }
  return parsed.data;
}
