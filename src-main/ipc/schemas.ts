import { z } from 'zod';
import type { ArgsOf, Channel } from '../../src-preload/contract';
import { RetentionPolicySchema, SettingsPatchSchema } from '../settings/settings';

const none = z.undefined();
const id = z.number().int().positive();
const limit = z.number().int().min(1).max(500);
const offset = z.number().int().min(0).max(10_000_000);
const platform = z.enum(['instagram', 'messenger', 'whatsapp']);
const time = z.number().int().min(0).max(8_640_000_000_000);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const scope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('brand'), accountId: id }).strict(),
  z.object({ kind: z.literal('account'), accountId: id }).strict(),
]);
const periodQuery = z
  .object({
    scope,
    period: z.union([
      z.object({ preset: z.union([z.literal(7), z.literal(28), z.literal(90), z.literal(365)]) }).strict(),
      z.object({ from: day, to: day }).strict(),
    ]),
  })
  .strict();
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
  'analytics:getOverview': periodQuery,
  'analytics:listPosts': z
    .object({
      scope, from: day.nullable(), to: day.nullable(), kind: z.string().max(20).nullable(), search: z.string().max(200),
      sort: z.object({ key: z.enum(['publishedAt', 'views', 'reach', 'likes', 'comments', 'shares', 'saves', 'engagementRate']), descending: z.boolean() }).strict().optional(),
      offset: z.number().int().min(0).max(1_000_000).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    })
    .strict(),
  'analytics:getPost': z.object({ postId: id }).strict(),
  'analytics:getThumbnails': z.object({ postIds: z.array(id).max(500) }).strict(),
  'analytics:getAudience': z.object({ accountId: id }).strict(),
  'analytics:getBestTimes': periodQuery,
  'analytics:listPeople': z.object({ scope }).strict(),
  'reports:saveLeadership': z.object({ scope, from: day, to: day, topBy: z.enum(['views', 'reach', 'engagementRate']) }).strict(),
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
  'privacy:applyRetention': z
    .object({ retention: RetentionPolicySchema, textOnlyDms: z.boolean(), confirm: z.literal('APPLY'), asOf: z.number().int().nonnegative(), expectedTotal: z.number().int().nonnegative() })
    .strict(),
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
  'privacy:cancelExport': none,
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
  'accounts:connectInBrowser': z.object({ provider: z.enum(['facebook', 'instagram']) }).strict(),
  'accounts:cancelBrowserLogin': none,
  'inbox:queryConversations': z
    .object({
      filter: z
        .object({
          accountId: id.nullable(),
          platform: platform.nullable(),
          unread: z.boolean(),
          needsReply: z.boolean(),
          windowOpen: z.boolean(),
          closingSoon: z.boolean().default(false),
          label: z.string().min(1).max(40).nullable(),
          state: z.enum(['all', 'open', 'done']),
        })
        .strict(),
      offset,
      limit,
    })
    .strict(),
  'inbox:getCounts': none,
  'inbox:getConversation': z.object({ conversationId: id }).strict(),
  'inbox:searchMessages': z
    .object({ query: z.string().max(200), accountId: id.nullable(), platform: platform.nullable(), from: time.nullable(), to: time.nullable(), offset, limit, withTotal: z.boolean().optional() })
    .strict()
    .refine((q) => q.from === null || q.to === null || q.from <= q.to, 'the start date must not be after the end date'),
  'inbox:getBadge': none,
  'inbox:markRead': z.object({ conversationId: id, read: z.boolean() }).strict(),
  'inbox:markAllRead': none,
  'inbox:setDone': z.object({ conversationId: id, done: z.boolean() }).strict(),
  'inbox:setLabels': z.object({ conversationId: id, labels: z.array(z.string().trim().min(1, 'a label cannot be empty').max(40, 'a label has at most 40 characters')).max(20) }).strict(),
  'inbox:setNote': z.object({ conversationId: id, note: z.string().max(5000, 'a note has at most 5,000 characters') }).strict(),
  'savedReplies:list': none,
  'savedReplies:save': z
    .object({
      id: id.optional(),
      title: z.string().trim().min(1, 'give the saved reply a title').max(80),
      body: z.string().trim().min(1, 'the reply text is empty').max(2000),
      shortcut: z.string().trim().regex(/^\/?[a-z0-9-]{1,20}$/i, 'a shortcut is 1–20 letters, digits or dashes').nullable(),
    })
    .strict(),
  'savedReplies:remove': z.object({ id }).strict(),
  'comments:listThreads': z.object({ accountId: id.nullable(), postId: id.nullable(), unansweredOnly: z.boolean(), personId: id.nullable().optional(), unansweredFirst: z.boolean().optional(), offset, limit }).strict(),
  'comments:listPosts': z.object({ accountId: id.nullable() }).strict(),
  'comments:markSeen': none,
  'relay:getStatus': none,
  'relay:pair': z.object({ url: z.string().trim().min(1, 'enter the relay address').max(2048), code: z.string().trim().min(4, 'enter the pairing code').max(64) }).strict(),
  'relay:unpair': z.object({ confirm: z.literal('UNPAIR') }).strict(),
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
