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
    expect(container.querySelector('[data-edited]')?.textContent).toBe('Edited');
    expect(container.querySelector('[data-seen]')?.textContent).toBe('Seen');
  });
});
