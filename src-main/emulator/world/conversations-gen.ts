/** DM threads (Instagram via the Page, and Messenger) with realistic back-and-forth. */
import { makeBusinessReply, makeCustomerFollowUp, makeCustomerOpener } from './corpus-chat';
import { igConversationId, igMessageId, messengerConversationId, messengerMessageId, numericId } from './ids';
import type { Rng } from './prng';
import { DAY_MS, HOUR_MS } from './time';
import type { Attachment, Conversation, Message, Niche, Person, Platform, World } from './types';

/** Where a thread lives. */
export interface ThreadHome {
  platform: Platform;
  /** IG user id for instagram threads, Page id for messenger threads. */
  accountId: string;
  pageId: string;
  niche: Niche;
}

/** Creates an empty conversation with `person` and registers it on its account. */
export function createConversation(rng: Rng, world: World, home: ThreadHome, person: Person): Conversation {
  const ig = home.platform === 'instagram';
  const scopedId = ig ? `${rng.int(1, 9)}${rng.digits(15)}` : `2${rng.digits(15)}`;
  const conv: Conversation = {
    id: ig ? igConversationId(rng, home.accountId) : messengerConversationId(rng),
    platform: home.platform,
    accountId: home.accountId,
    pageId: home.pageId,
    participant: ig
      ? { personKey: person.key, id: scopedId, name: person.name, username: person.username, userId: person.igUserId }
      : { personKey: person.key, id: scopedId, name: person.name, email: `${scopedId}@facebook.com` },
    messageIds: [],
  };
  world.conversations[conv.id] = conv;
  const owner = ig ? world.igAccounts.find((a) => a.id === home.accountId) : world.pages.find((p) => p.id === home.pageId);
  owner?.conversationIds.push(conv.id);
  return conv;
}

function makeAttachment(rng: Rng): Attachment {
  const id = numericId(rng, 16);
  const kind = rng.weighted(['image', 'video', 'audio', 'file'] as const, [80, 10, 7, 3]);
  const spec: Record<Attachment['kind'], readonly [string, string]> = {
    image: ['image/jpeg', `image-${id}.jpg`],
    video: ['video/mp4', `video-${id}.mp4`],
    audio: ['audio/mpeg', `audioclip-${id}.mp4`],
    file: ['application/pdf', 'order-details.pdf'],
  };
  const [mimeType, name] = spec[kind];
  const att: Attachment = {
    id,
    kind,
    mimeType,
    name,
    size: rng.int(20_000, 4_000_000),
    url: `https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=${id}&signature=${numericId(rng, 12)}`,
  };
  if (kind === 'image') {
    att.width = 1080;
    att.height = rng.pick([1080, 1350, 1920]);
  }
  return att;
}

/** Appends a message to a conversation (kept sorted oldest first) and returns it. */
export function addMessage(rng: Rng, world: World, conv: Conversation, m: Omit<Message, 'id' | 'conversationId'>): Message {
  const id = conv.platform === 'instagram' ? igMessageId(rng, conv.accountId) : messengerMessageId(rng);
  const message: Message = { id, conversationId: conv.id, ...m };
  world.messages[id] = message;
  let i = conv.messageIds.length;
  while (i > 0 && (world.messages[conv.messageIds[i - 1] as string]?.createdTime ?? 0) > m.createdTime) i--;
  conv.messageIds.splice(i, 0, id);
  return message;
}

/** A generated message body: mostly text, a few attachments, a few unsent. */
export function makeMessageBody(rng: Rng, niche: Niche, fromBusiness: boolean, first: boolean): Pick<Message, 'text' | 'attachments' | 'unsent'> {
  const text = fromBusiness ? makeBusinessReply(rng, niche) : first ? makeCustomerOpener(rng, niche) : makeCustomerFollowUp(rng);
  const attachments: Attachment[] = [];
  if (rng.chance(fromBusiness ? 0.01 : 0.035)) attachments.push(makeAttachment(rng));
  const attachmentOnly = attachments.length > 0 && rng.chance(0.6);
  return { text: attachmentOnly ? '' : text, attachments, unsent: !fromBusiness && !first && rng.chance(0.008) };
}

/** Fills a conversation with `count` messages ending at `lastTime`; the customer always writes first. */
export function seedMessages(rng: Rng, world: World, conv: Conversation, niche: Niche, count: number, lastTime: number): void {
  const times: number[] = [lastTime];
  for (let i = 1; i < count; i++) {
    const prev = times[times.length - 1] as number;
    const gap = rng.chance(0.15)
      ? 6 * HOUR_MS + -Math.log(Math.max(rng.float(), 1e-9)) * 3 * DAY_MS
      : 20_000 + rng.float() * 25 * 60_000;
    times.push(Math.floor(prev - gap));
  }
  times.reverse();
  let fromBusiness = false;
  let previous = '';
  times.forEach((t, i) => {
    if (i > 0 && rng.chance(0.62)) fromBusiness = !fromBusiness;
    let body = makeMessageBody(rng, niche, fromBusiness, i === 0);
    // Nobody sends the same line twice in a row; draw again once.
    if (body.text && body.text === previous) body = makeMessageBody(rng, niche, fromBusiness, i === 0);
    previous = body.text;
    addMessage(rng, world, conv, { createdTime: t, fromBusiness, ...body });
  });
}

/** Splits `total` into `n` positive parts with a long-tailed distribution (a few long threads). */
export function splitTotal(rng: Rng, total: number, n: number): number[] {
  const raw = Array.from({ length: n }, () => rng.logNormal(0.9));
  const sum = raw.reduce((a, b) => a + b, 0);
  const parts = raw.map((r) => Math.max(1, Math.round((r / sum) * total)));
  let diff = total - parts.reduce((a, b) => a + b, 0);
  while (diff !== 0) {
    const i = rng.int(0, n - 1);
    const cur = parts[i] as number;
    if (diff > 0) {
      parts[i] = cur + 1;
      diff--;
    } else if (cur > 1) {
      parts[i] = cur - 1;
      diff++;
    }
  }
  return parts;
}

/** When a thread was last active: a tenth within the last day (so replies are allowed), the rest older. */
export function lastActivity(rng: Rng, now: number, historyStart: number): number {
  if (rng.chance(0.1)) return Math.floor(now - 60_000 - rng.float() * 20 * HOUR_MS);
  const back = 26 * HOUR_MS + -Math.log(Math.max(rng.float(), 1e-9)) * 30 * DAY_MS;
  return Math.floor(Math.max(historyStart + 60 * DAY_MS, now - back));
}
