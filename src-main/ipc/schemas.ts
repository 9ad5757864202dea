import { z } from 'zod';
import type { ArgsOf, Channel } from '../../src-preload/contract';
import { SettingsPatchSchema } from '../settings/settings';

const none = z.undefined();
const id = z.number().int().positive();
const limit = z.number().int().min(1).max(500);

/** Argument schemas for every channel; typed against the contract so they cannot drift. */
export const ARG_SCHEMAS: { [C in Channel]: z.ZodType<ArgsOf<C>> } = {
  'app:getState': none,
  'app:quit': none,
  'app:retryOpen': none,
  'app:showDataFolder': none,
  'store:setAsideAndStartFresh': z.object({ confirm: z.literal('SET_ASIDE') }).strict(),
  'vault:create': z.object({ mode: z.enum(['os-keychain', 'passphrase']), passphrase: z.string().max(1024).optional() }).strict(),
  'vault:unlock': z.object({ passphrase: z.string().min(1).max(1024) }).strict(),
  'store:getStatus': none,
  'demo:load': none,
  'accounts:list': none,
  'analytics:getOverview': z.object({ accountId: id.nullable(), days: z.number().int().min(1).max(730) }).strict(),
  'inbox:listConversations': z.object({ accountId: id.nullable(), limit, before: z.number().int().nullable() }).strict(),
  'inbox:getMessages': z.object({ conversationId: id, limit, before: z.number().int().nullable() }).strict(),
  'inbox:search': z.object({ query: z.string().max(200), limit }).strict(),
  'privacy:wipe': z.object({ confirm: z.literal('WIPE') }).strict(),
  'privacy:listAudit': z.object({ limit }).strict(),
  'settings:get': none,
  'settings:update': SettingsPatchSchema,
  'shell:openExternal': z.object({ url: z.string().url().max(2048) }).strict(),
  'accounts:connectToken': z.object({ token: z.string().trim().min(20, 'looks too short for a Meta access token').max(4096) }).strict(),
  'accounts:connectFacebook': none,
  'accounts:checkHealth': z.object({ accountId: id }).strict(),
  'accounts:remove': z.object({ accountId: id, confirm: z.literal('REMOVE') }).strict(),
  'accounts:revoke': z.object({ accountId: id }).strict(),
  'sync:run': z.object({ accountId: id.nullable() }).strict(),
  'sync:getStatus': none,
  'settings:getMetaApp': none,
  'settings:setMetaApp': z
    .object({
      facebookAppId: z.string().regex(/^\d{0,20}$/, 'must be the numeric app id').optional(),
      facebookAppSecret: z.string().regex(/^[0-9a-f]{0,64}$/i, 'must be the hexadecimal app secret').optional(),
      instagramAppId: z.string().regex(/^\d{0,20}$/, 'must be the numeric app id').optional(),
      instagramAppSecret: z.string().regex(/^[0-9a-f]{0,64}$/i, 'must be the hexadecimal app secret').optional(),
      instagramRedirectUri: z.union([z.literal(''), z.string().url().startsWith('https://')]).optional(),
    })
    .strict(),
  'accounts:connectInstagram': none,
  'outbox:send': z.object({ conversationId: id, text: z.string().min(1).max(4000) }).strict(),
  'outbox:forThread': z.object({ conversationId: id }).strict(),
  'outbox:list': z.object({ limit }).strict(),
  'outbox:retry': z.object({ id: id.nullable() }).strict(),
  'outbox:discard': z.object({ id, confirm: z.literal('DISCARD') }).strict(),
  'outbox:setHumanAgent': z.object({ accountId: id, allowed: z.boolean() }).strict(),
  'comments:act': z.discriminatedUnion('action', [
    z.object({ commentId: id, action: z.literal('reply'), text: z.string().min(1).max(4000) }).strict(),
    z.object({ commentId: id, action: z.literal('private-reply'), text: z.string().min(1).max(4000) }).strict(),
    z.object({ commentId: id, action: z.literal('hide') }).strict(),
    z.object({ commentId: id, action: z.literal('unhide') }).strict(),
    z.object({ commentId: id, action: z.literal('delete'), confirm: z.literal('DELETE') }).strict(),
  ]),
};
