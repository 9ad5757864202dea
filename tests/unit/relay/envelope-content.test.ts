import { describe, expect, it } from 'vitest';
import { EnvelopeContentError, parseEnvelopeContent } from '../../../src-main/relay/envelope-content';

describe('parseEnvelopeContent', () => {
  it('reads the three kinds the relay seals', () => {
    expect(parseEnvelopeContent(JSON.stringify({ v: 1, kind: 'webhook', arrivedAt: 1, body: '{}' }))).toMatchObject({ kind: 'webhook', body: '{}' });
    expect(parseEnvelopeContent(JSON.stringify({ v: 1, kind: 'data-deletion', arrivedAt: 1, userId: '7', confirmationCode: 'C', statusUrl: 'https://r/x' }))).toMatchObject({ kind: 'data-deletion', userId: '7' });
    expect(parseEnvelopeContent(JSON.stringify({ v: 1, kind: 'deauthorize', arrivedAt: 1, userId: '7' }))).toMatchObject({ kind: 'deauthorize' });
  });

  it('refuses what it cannot read with a reason instead of casting it', () => {
    expect(() => parseEnvelopeContent('not json')).toThrow(EnvelopeContentError);
    expect(() => parseEnvelopeContent(JSON.stringify({ v: 2, kind: 'webhook', arrivedAt: 1, body: '{}' }))).toThrow(/kind or version this app does not read \(webhook\)/);
    expect(() => parseEnvelopeContent(JSON.stringify({ v: 1, kind: 'data-deletion', arrivedAt: 1 }))).toThrow(EnvelopeContentError);
    expect(() => parseEnvelopeContent(JSON.stringify({ v: 1, kind: 'whatsapp-flow', arrivedAt: 1 }))).toThrow(/whatsapp-flow/);
  });
});
