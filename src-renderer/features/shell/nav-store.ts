import { create } from 'zustand';

export const VIEWS = ['analytics', 'inbox', 'accounts', 'privacy', 'settings'] as const;
export type ViewId = (typeof VIEWS)[number];

export const VIEW_LABELS: Record<ViewId, string> = {
  analytics: 'Analytics',
  inbox: 'Inbox',
  accounts: 'Accounts',
  privacy: 'Privacy',
  settings: 'Settings',
};

export const useNavStore = create<{ view: ViewId }>()(() => ({ view: 'analytics' }));

export function navigate(view: ViewId): void {
  useNavStore.setState({ view });
}
