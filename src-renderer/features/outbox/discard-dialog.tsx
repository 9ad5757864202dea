import type { ReactNode } from 'react';
import type { OutboxItem } from '../../../src-preload/contract';
import { ConfirmDialog } from '../../components/confirm-dialog';

/** Asks before an unsent item leaves the outbox, showing what goes (its text, when it has one). */
export function DiscardDialog({ item, title, children, onCancel, onDiscard }: { item: OutboxItem; title: string; children: ReactNode; onCancel: () => void; onDiscard: (id: number) => void }) {
  return (
    <ConfirmDialog title={title} confirmLabel="Discard" danger onCancel={onCancel} onConfirm={() => onDiscard(item.id)}>
      <p>{children}</p>
      {item.text !== null && <blockquote className="composer__quote">{item.text}</blockquote>}
    </ConfirmDialog>
  );
}
