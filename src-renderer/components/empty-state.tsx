import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
}

/** Honest "nothing here yet": never placeholder numbers. */
export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <div className="empty-state" data-empty="true">
      <p className="empty-state__title">{title}</p>
      {children && <div className="empty-state__body">{children}</div>}
    </div>
  );
}
