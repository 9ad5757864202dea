/** Reply and comment text checked before it is stored: Meta's caps, said in plain words. */
import { replyLength, type ThreadOutbox } from '../../../src-preload/outbox-types';
import { AppError } from '../../core/app-error';

/** Instagram counts UTF-8 bytes (1,000), Messenger characters (2,000): refused before it is stored. */
export function checkReplyText(text: string, platform: ThreadOutbox['platform']): string {
  const trimmed = text.replace(/\s+$/u, '');
  if (!trimmed.trim()) throw new AppError('INVALID_ARGUMENT', 'Write something to send.');
  if (replyLength(platform, trimmed).over) {
    throw new AppError(
      'INVALID_ARGUMENT',
      platform === 'instagram'
        ? 'Instagram messages can be at most 1,000 bytes (about 1,000 letters, fewer with emoji). Shorten it or split it in two.'
        : 'Messenger messages can be at most 2,000 characters. Shorten it or split it in two.',
    );
  }
  return trimmed;
}

/** A public comment reply: Instagram caps captions at 2,200 characters; Meta's comment reference states no cap, so the caption's applies. */
export function checkCommentText(text: string): string {
  const trimmed = text.replace(/\s+$/u, '');
  if (!trimmed.trim()) throw new AppError('INVALID_ARGUMENT', 'Write something to send.');
  if ([...trimmed].length > 2200) throw new AppError('INVALID_ARGUMENT', 'A comment can be at most 2,200 characters. Shorten it.');
  return trimmed;
}
