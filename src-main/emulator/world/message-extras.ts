/**
 * What an Instagram DM can carry besides text and files: a reply to the business's story, a
 * mention of the business in the person's story, or a shared post. Meta gives these as their own
 * message fields, not as attachments: `story` ({reply_to:{link,id}} or {mention:{link,id}}) and
 * `shares` ({data:[{link}]}) on the Message node, and in webhooks as `reply_to.story` and as
 * attachments of type `story_mention` / `share` / `ig_post`.
 * https://developers.facebook.com/docs/graph-api/reference/message
 * https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/conversations-api
 * https://developers.facebook.com/docs/messenger-platform/instagram/features/webhook
 *
 * Derived from the message id, so the world's generated messages (and every test that counts
 * them) stay as they are: a few of the people's Instagram messages carry one of these.
 */
import { unitHash } from './prng';
import type { Conversation, Message } from './types';

export type MessageExtra =
  | { kind: 'story_reply'; storyId: string; link: string }
  | { kind: 'story_mention'; storyId: string; link: string }
  | { kind: 'share'; link: string };

const CDN = 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=';

export function messageExtra(conversation: Conversation, message: Message): MessageExtra | null {
  if (conversation.platform !== 'instagram' || message.fromBusiness || message.unsent || message.attachments.length > 0) return null;
  const roll = unitHash(message.id, 'extra');
  const storyId = `1800${Math.floor(unitHash(message.id, 'story-id') * 1e12)}`;
  // A story reply answers with the person's words; the world's text stays on a mention or a share too,
  // so every count of the world's messages and words holds.
  if (roll < 0.03 && message.text) return { kind: 'story_reply', storyId, link: `${CDN}${storyId}&signature=story` };
  if (roll >= 0.03 && roll < 0.04) return { kind: 'story_mention', storyId, link: `${CDN}${storyId}&signature=mention` };
  if (roll >= 0.04 && roll < 0.055) return { kind: 'share', link: `${CDN}${Math.floor(unitHash(message.id, 'share') * 1e15)}&signature=share` };
  return null;
}
