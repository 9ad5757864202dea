import { useEffect, useRef, type ReactNode } from 'react';
import { RECONNECT_METHOD, connectedText } from './account-text';
import { ActionNotice } from './action-notice';
import { loadRelayStatus, useRelayStore } from '../relay/relay-store';
import {
  cancelBrowserLogin,
  closeConnectPanel,
  connectInBrowser,
  connectWithFacebook,
  connectWithInstagram,
  connectWithToken,
  useConnectStore,
  type ConnectMethod,
} from './connect-store';
import { TokenForm } from './token-form';

interface MethodCardProps {
  method: ConnectMethod;
  title: string;
  suggested: boolean;
  children: ReactNode;
}

function MethodCard({ method, title, suggested, children }: MethodCardProps) {
  const { error, method: failed } = useConnectStore();
  const titleId = `connect-${method}-title`;
  return (
    <section
      className={suggested ? 'connect-method connect-method--suggested' : 'connect-method'}
      data-connect-method={method}
      aria-labelledby={titleId}
    >
      <h3 id={titleId} tabIndex={-1}>
        {title}
      </h3>
      {children}
      {/* Below the button that was pressed, where the eye already is. */}
      {failed === method && error && <ActionNotice action={method} error={error} />}
    </section>
  );
}

/** Three ways to connect, explained for someone who has never seen Meta's developer pages. */
interface LoginCardProps {
  network: 'Facebook' | 'Instagram';
  description: string;
  suggested: boolean;
  busy: boolean;
  waiting: boolean;
  onLogin: () => void;
}

/** One "Log in with …" way in: a login window in the app, or the person's own browser when a relay is paired. */
function LoginCard({ network, description, suggested, busy, waiting, onLogin }: LoginCardProps) {
  const provider = network === 'Facebook' ? 'facebook' : 'instagram';
  const browserMethod: ConnectMethod = `${provider}-browser`;
  const { error, method: current, status } = useConnectStore();
  const relayUrl = useRelayStore((state) => state.data?.relayUrl ?? null);
  const waitingForBrowser = status === 'loading' && current === browserMethod;
  return (
    <MethodCard method={provider} title={`Log in with ${network}`} suggested={suggested}>
      <p>{description}</p>
      <div className="actions actions--start">
        <button type="button" className="button button--primary" disabled={busy} onClick={onLogin}>
          {waiting ? `Waiting for ${network}…` : `Log in with ${network}`}
        </button>
        {relayUrl && !waitingForBrowser && (
          <button type="button" className="button" disabled={busy} data-browser-login={provider} onClick={() => void connectInBrowser(provider)}>
            Log in in my browser
          </button>
        )}
      </div>
      {waitingForBrowser ? (
        <div className="notice" role="status" data-browser-login-waiting={provider}>
          <p className="notice__title">Finish logging in to {network} in your browser.</p>
          <p className="notice__next">When the browser asks, choose “Open Social Desk”; this page then shows what was connected.</p>
          <button type="button" className="button button--small" onClick={() => void cancelBrowserLogin()}>
            Stop waiting
          </button>
        </div>
      ) : (
        <p className="muted" data-browser-login-hint={provider}>
          {relayUrl
            ? `“Log in in my browser” uses the browser where you are already logged in to ${network}; your relay hands the answer back to Social Desk.`
            : `To log in in your own browser instead, pair your brand’s relay first (Settings → Relay): Meta only sends a login back to an https page, which the relay serves.`}
        </p>
      )}
      {current === browserMethod && error && <ActionNotice action={browserMethod} error={error} />}
    </MethodCard>
  );
}

export function ConnectPanel({ canClose }: { canClose: boolean }) {
  const { data, status, method, reconnect } = useConnectStore();
  const panelRef = useRef<HTMLElement>(null);
  const busy = status === 'loading';
  const suggested: ConnectMethod | null = reconnect ? RECONNECT_METHOD[reconnect.loginKind] : null;

  // Opening the panel to reconnect moves focus (and the view) to the method that fits.
  useEffect(() => {
    if (!suggested) return;
    const target = panelRef.current?.querySelector<HTMLElement>(`[data-connect-method="${suggested}"] h3`);
    target?.focus();
    target?.scrollIntoView?.({ block: 'nearest' });
  }, [suggested, reconnect]);

  // Whether a relay is paired decides if "Log in in my browser" is offered.
  useEffect(() => {
    if (useRelayStore.getState().status === 'idle') void loadRelayStatus();
  }, []);

  // Escape closes the panel, like the Close button (only when there is something to go back to).
  useEffect(() => {
    if (!canClose) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) closeConnectPanel();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [canClose]);

  return (
    <section ref={panelRef} className="panel connect" aria-labelledby="connect-title" data-connect-status={status}>
      <div className="panel__header">
        <h2 id="connect-title">{reconnect ? `Reconnect ${reconnect.name}` : 'Connect an account'}</h2>
        {canClose && (
          <button type="button" className="button button--quiet button--small" onClick={closeConnectPanel}>
            Close
          </button>
        )}
      </div>
      <p className="muted">
        {reconnect
          ? 'Connect it again the same way it was connected. Everything already saved for it stays on this computer.'
          : 'Pick one way. Social Desk then talks only to Meta (through your relay, if one is paired), and keeps what it fetches encrypted on this computer.'}
      </p>
      {status === 'ready' && data && (
        <div
          className={data.length > 0 ? 'notice notice--success' : 'notice notice--warning'}
          role="status"
          data-connect-result={data.length}
        >
          <p className="notice__title">{connectedText(data, method)}</p>
        </div>
      )}
      <div className="connect__methods">
        <MethodCard
          method="token"
          title="Paste a system-user token from Meta Business Manager"
          suggested={suggested === 'token'}
        >
          <p>
            The simplest for a small brand: one token from your business settings brings in your Instagram account
            and your Facebook Page, and it doesn&apos;t expire.
          </p>
          <TokenForm busy={busy && method === 'token'} onSubmit={connectWithToken} />
        </MethodCard>
        <div className="connect__more">
          <LoginCard
            network="Facebook"
            suggested={suggested === 'facebook'}
            busy={busy}
            waiting={busy && method === 'facebook'}
            onLogin={() => void connectWithFacebook()}
            description="For Facebook Pages, and Instagram professional accounts linked to a Page. A Facebook window opens; log in and tick the Pages and accounts to bring in. It needs your brand's Meta app id (Settings → Meta app)."
          />
          <LoginCard
            network="Instagram"
            suggested={suggested === 'instagram'}
            busy={busy}
            waiting={busy && method === 'instagram'}
            onLogin={() => void connectWithInstagram()}
            description="For Instagram professional accounts without a Facebook Page. An Instagram window opens; log in and allow access. It needs your brand's own Meta app set up for Instagram Login (Settings → Meta app)."
          />
        </div>
      </div>
    </section>
  );
}
