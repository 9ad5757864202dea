import { z } from 'zod';
import type { ArgsOf, Channel } from '../../src-preload/contract';
import { RetentionPolicySchema, SettingsPatchSchema } from '../settings/settings';

const none = z.undefined();
const id = z.number().int().positive();
const limit = z.number().int().min(1).max(500);
const code = z.string().trim().regex(/^(FG|DR)-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/i, 'is not a confirmation code');
const forgetTarget = z.union([
  z.object({ personId: id }).strict(),
  z.object({ conversationId: id }).strict(),
  z.object({ commentId: id }).strict(),
  z.object({ handleOrId: z.string().trim().min(1, 'give a handle or Meta id').max(200) }).strict(),
]);

/** Argument schemas for every channel; typed against the contract so they cannot drift. */
export const ARG_SCHEMAS: { [C in Channel]: z.ZodType<ArgsOf<C>> } = {
  'app:getState': none,
  'app:quit': none,
  'app:retryOpen': none,
  'app:showDataFolder': none,
  'store:setAsideAndStartFresh': z.object({ confirm: z.literal('SET_ASIDE') }).strict(),
  'vault:create': z.object({ mode: z.enum(['os-keychain', 'passphrase']), passphrase: z.string().max(1024).optional() }).strict(),
  'vault:unlock': z.object({ passphrase: z.string().max(1024) }).strict(),
  'store:getStatus': none,
  'demo:load': none,
  'accounts:list': none,
  'analytics:getOverview': z.object({ accountId: id.nullable(), days: z.number().int().min(1).max(730) }).strict(),
  'inbox:listConversations': z.object({ accountId: id.nullable(), limit, before: z.number().int().nullable() }).strict(),
  'inbox:getMessages': z.object({ conversationId: id, limit, before: z.number().int().nullable() }).strict(),
  'inbox:search': z.object({ query: z.string().max(200), limit }).strict(),
  'privacy:wipe': z.object({ confirm: z.literal('WIPE') }).strict(),
  'privacy:listAudit': z
    .object({
      limit,
      category: z.enum(['access', 'accounts', 'sync', 'exports', 'settings', 'retention', 'forget', 'requests']).nullable().optional(),
      beforeId: id.nullable().optional(),
    })
    .strict(),
  'privacy:verifyAudit': none,
  'privacy:exportAudit': z.object({ format: z.enum(['csv', 'json']) }).strict(),
  'privacy:findPeople': z.object({ query: z.string().max(200) }).strict(),
  'privacy:previewForget': z.object({ target: forgetTarget }).strict(),
  'privacy:forget': z.object({ target: forgetTarget, confirm: z.literal('FORGET') }).strict(),
  'privacy:listReceipts': none,
  'privacy:exportReceipt': z.object({ code }).strict(),
  'privacy:previewRetention': z.object({ retention: RetentionPolicySchema, textOnlyDms: z.boolean() }).strict(),
  'privacy:applyRetention': z.object({ retention: RetentionPolicySchema, textOnlyDms: z.boolean(), confirm: z.literal('APPLY') }).strict(),
  'privacy:listRequests': none,
  'privacy:addRequest': z
    .object({
      requester: z.string().trim().min(1, 'say who asked: their handle or Meta id').max(200),
      source: z.enum(['email', 'form', 'meta_callback', 'other']),
      note: z.string().max(2000).optional(),
    })
    .strict(),
  'privacy:completeRequest': z.object({ code, confirm: z.literal('FORGET') }).strict(),
  'privacy:exportEverything': none,
  'vault:lock': z.object({ reason: z.enum(['manual', 'idle']) }).strict(),
  'vault:changePassphrase': z.object({ current: z.string().min(1).max(1024), next: z.string().max(1024) }).strict(),
  'vault:switchProtection': z
    .object({ mode: z.enum(['os-keychain', 'passphrase']), current: z.string().max(1024).optional(), passphrase: z.string().max(1024).optional() })
    .strict(),
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
};
