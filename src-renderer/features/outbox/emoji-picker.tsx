import { useId, useState } from 'react';

/** The emoji staff reach for most in customer replies; the system keyboard offers the rest. */
const EMOJI = ['😊', '🙂', '😍', '🥰', '😂', '🙏', '👍', '👏', '🙌', '💪', '❤️', '💚', '💛', '✨', '🎉', '🌿', '🌸', '☕', '🍰', '📦', '🚚', '📍', '⏰', '✅', '👋', '🤗', '😅', '🤞', '💌', '🛍️'];

/** A small emoji menu: a button that opens a grid; choosing one inserts it, Escape closes. */
export function EmojiPicker({ onPick, disabled = false }: { onPick: (emoji: string) => void; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  return (
    <div className="emoji-picker" onKeyDown={(event) => event.key === 'Escape' && open && (event.stopPropagation(), setOpen(false))}>
      <button
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label="Insert emoji"
        title="Insert emoji"
        disabled={disabled}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">😊</span>
      </button>
      {open && (
        <div id={menuId} className="emoji-picker__grid" role="group" aria-label="Emoji">
          {EMOJI.map((emoji) => (
            <button
              key={emoji}
              type="button"
              className="emoji-picker__item"
              aria-label={`Insert ${emoji}`}
              onClick={() => {
                onPick(emoji);
                setOpen(false);
              }}
            >
              {emoji}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
