import { create } from 'zustand';

export const VIEWS = ['analytics', 'inbox', 'outbox', 'accounts', 'privacy', 'settings'] as const;
export type ViewId = (typeof VIEWS)[number];

export const VIEW_LABELS: Record<ViewId, string> = {
  analytics: 'Analytics',
  inbox: 'Inbox',
  outbox: 'Outbox',
  accounts: 'Accounts',
  privacy: 'Privacy',
  settings: 'Settings',
};

/** Parts of a view that other views link to. */
export type Anchor = 'meta-app';

interface NavState {
  view: ViewId;
  /** A part of the view to bring into view and focus once it shows (e.g. Settings → `meta-app`). */
  anchor: Anchor | null;
}

export const useNavStore = create<NavState>()(() => ({ view: 'analytics', anchor: null }));

export function navigate(view: ViewId, anchor: Anchor | null = null): void {
  useNavStore.setState({ view, anchor });
}

/** The view calls this once it has moved focus to the anchor, so going back later doesn't jump again. */
export function clearAnchor(): void {
  useNavStore.setState({ anchor: null });
}
