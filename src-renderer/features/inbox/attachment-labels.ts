import type { AttachmentKind } from '../../../src-preload/contract';

/**
 * Words and icons for what a message carries, shared by the thread and the list's last line. Kept
 * apart from the message row so the list (and the bench that renders it under Node) does not pull
 * in the thread's components and styles.
 */
export const ATTACHMENT_LABEL: Record<AttachmentKind, string> = {
  image: 'Photo',
  video: 'Video',
  audio: 'Voice message',
  file: 'File',
  story_mention: 'Mentioned you in their story',
  story_reply: 'Replied to your story',
  shared_post: 'Shared a post',
  reel: 'Shared a reel',
  other: 'Attachment this app cannot show',
};

/**
 * Drawn beside the words, hidden from screen readers. Emoji or characters every system UI font
 * carries: a fullwidth `＠` drew as an empty box in Chromium on Linux.
 */
export const ATTACHMENT_ICON: Record<AttachmentKind, string> = {
  image: '🖼',
  video: '🎬',
  audio: '🎤',
  file: '📄',
  story_mention: '@',
  story_reply: '↩',
  shared_post: '↗',
  reel: '▶',
  other: '◻',
};
