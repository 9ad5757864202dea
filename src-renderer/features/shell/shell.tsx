import { lazy, Suspense, useEffect, useLayoutEffect, useRef, type ComponentType, type MouseEvent } from 'react';
import { getApi } from '../../api';
import { AccountsView } from '../accounts/accounts-view';
import { InboxView } from '../inbox/inbox-view';
import { OutboxView } from '../outbox/outbox-view';
import { PrivacyView } from '../privacy/privacy-view';
import { SettingsView } from '../settings/settings-view';
import { navigate, useNavStore, type ViewId } from './nav-store';
import { SideNav } from './side-nav';

// Analytics (with recharts) loads on first use, keeping the renderer's initial JavaScript small.
const AnalyticsView = lazy(() => import('../analytics/analytics-view'));

const VIEW_COMPONENTS: Record<ViewId, ComponentType> = {
  analytics: AnalyticsView,
  inbox: InboxView,
  outbox: OutboxView,
  accounts: AccountsView,
  privacy: PrivacyView,
  settings: SettingsView,
};

/** The workspace: skip link, left navigation (with the sync indicator and its progress) and the active view. */
export function Shell() {
  const view = useNavStore((state) => state.view);
  const mainRef = useRef<HTMLElement>(null);
  const View = VIEW_COMPONENTS[view];

  // Each screen opens at its top, not at the previous screen's scroll position.
  useLayoutEffect(() => {
    mainRef.current?.scrollTo?.({ top: 0 });
    document.scrollingElement?.scrollTo?.({ top: 0 });
  }, [view]);
  // The desktop menu (Help → Privacy and your data) asks for a view through an event.
  useEffect(() => getApi().on('app:show-view', ({ view: wanted }) => navigate(wanted)), []);

  // Focus the content directly instead of following the #hash, so no navigation event fires.
  const skip = (event: MouseEvent) => {
    event.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <div className="shell" data-screen="ready">
      <a className="skip-link" href="#main-content" onClick={skip}>
        Skip to content
      </a>
      <SideNav />
      <div className="shell__content">
        <main id="main-content" ref={mainRef} tabIndex={-1} className="shell__main" data-view-id={view}>
          <Suspense fallback={<p className="muted" role="status">Opening…</p>}>
            <View key={view} />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
