/**
 * The thread query's view of migration 012: a message's current reactions (as JSON) and whether it
 * is our newest message the person has seen. Kept apart from the inbox queries so that file only
 * splices these columns in.
 */
import type { MessageItem, MessageReaction } from '../../../src-preload/contract';

/** Columns for a `messages m` row: `edit_count`, `reactions` (JSON array or NULL) and `seen` (0/1). */
export const MESSAGE_SIGNAL_COLUMNS = `
  m.edit_count,
  (SELECT json_group_array(json_object('emoji', mr.emoji, 'reaction', mr.reaction, 'byBusiness', mr.by_business))
     FROM message_reactions mr WHERE mr.message_id = m.id AND mr.action = 'react') AS reactions,
  (m.direction = 'out' AND m.id = (
     SELECT o.id FROM messages o JOIN conversation_seen s ON s.conversation_id = o.conversation_id
     WHERE o.conversation_id = m.conversation_id AND o.direction = 'out' AND o.is_deleted = 0 AND o.sent_at <= s.seen_upto
     ORDER BY o.sent_at DESC, o.id DESC LIMIT 1)) AS seen`;

interface SignalColumns {
  edited_at: number | null;
  edit_count: number;
  reactions: string | null;
  seen: number | null;
}

export function messageSignals(r: SignalColumns): Pick<MessageItem, 'reactions' | 'editedAt' | 'editCount' | 'seen'> {
  const raw = r.reactions ? (JSON.parse(r.reactions) as Array<{ emoji: string | null; reaction: string | null; byBusiness: number }>) : [];
  const reactions: MessageReaction[] = raw.map((x) => ({ emoji: x.emoji, reaction: x.reaction, byBusiness: x.byBusiness === 1 }));
  return { reactions, editedAt: r.edited_at, editCount: r.edited_at === null ? 0 : Math.max(1, r.edit_count), seen: r.seen === 1 };
}
