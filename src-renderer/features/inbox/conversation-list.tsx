import type { ConversationSummary } from '../../../src-preload/contract';
import { formatWhen } from '../../lib/format';
import { loadMoreConversations, openConversation, useInboxStore } from './inbox-store';

const PLATFORM: Record<ConversationSummary['platform'], string> = {
  instagram: 'Instagram',
  messenger: 'Messenger',
  whatsapp: 'WhatsApp',
};

export function ConversationList({ items }: { items: ConversationSummary[] }) {
  const selectedId = useInboxStore((state) => state.selected?.id ?? null);
  const hasMore = useInboxStore((state) => state.data?.hasMore ?? false);
  const loadingMore = useInboxStore((state) => state.loadingMore);

  return (
    <div className="list-pane">
      <ul className="item-list" aria-label="Conversations">
        {items.map((conversation) => (
          <li key={conversation.id}>
            <button
              type="button"
              className="item"
              data-conversation-id={conversation.id}
              aria-current={conversation.id === selectedId ? 'true' : undefined}
              onClick={() => openConversation({ id: conversation.id, personName: conversation.personName })}
            >
              <span className="item__top">
                <span className="item__name">{conversation.personName}</span>
                {conversation.lastMessageAt !== null && (
                  <time className="item__time">{formatWhen(conversation.lastMessageAt)}</time>
                )}
              </span>
              <span className="item__text">
                <span className="badge">{PLATFORM[conversation.platform]}</span>
                {conversation.lastMessageText ?? 'No text'}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {hasMore && (
        <div className="pad">
          <button
            type="button"
            className="button button--small"
            disabled={loadingMore}
            onClick={() => void loadMoreConversations()}
          >
            {loadingMore ? 'Loading…' : 'Load more conversations'}
          </button>
        </div>
      )}
    </div>
  );
}
