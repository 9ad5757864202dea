// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MessageRow } from '../../src-renderer/features/inbox/message-row';
import { message } from './helpers/fake-inbox';

afterEach(cleanup);

describe('MessageRow: reactions, edits, seen', () => {
  it('shows nothing extra for a plain message', () => {
    const { container } = render(<MessageRow message={message(1, 7, Date.now())} />);
    expect(container.querySelector('.message-signals')).toBeNull();
  });

  it('shows who reacted with what, "Edited", and "Seen", with hostile reaction text rendered inert', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { container } = render(
      <MessageRow
        message={message(2, 7, Date.now(), {
          direction: 'out',
          text: 'Yes, since Monday.',
          editedAt: Date.now(),
          editCount: 1,
          seen: true,
          reactions: [
            { emoji: '❤️', reaction: 'love', byBusiness: false },
            { emoji: null, reaction: 'like', byBusiness: true },
            { emoji: hostile, reaction: null, byBusiness: false },
          ],
        })}
      />,
    );
    const chips = [...container.querySelectorAll<HTMLElement>('.message-signals__reaction')];
    expect(chips.map((c) => c.textContent)).toEqual(['They reacted ❤️', 'You reacted 👍', `They reacted ${hostile}`]);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[data-edited]')?.textContent).toMatch(/^Edited · \d/);
    expect(container.querySelector('[data-edited]')?.getAttribute('title')).toMatch(/edited this message once, last .+\. Only the newest text is kept\.$/);
    expect(container.querySelector('[data-seen]')?.textContent).toBe('Seen');
  });

  it('says how many times a message was edited and when last, in words', () => {
    const at = new Date(2026, 10, 20, 14, 5).getTime();
    const { container } = render(<MessageRow message={message(3, 7, at - 60_000, { text: 'Is the navy one back?', editedAt: at, editCount: 3 })} />, {});
    const note = container.querySelector<HTMLElement>('[data-edited]');
    expect(note?.dataset.edited).toBe('3');
    expect(note?.textContent).toMatch(/^Edited 3 times · .*14:05|^Edited 3 times · .*2:05/);
    expect(note?.title).toMatch(/^The sender edited this message 3 times, last /);
  });
});
