import { relayLoginReturnUri as relayReturnUri } from '../../../src-preload/contract';
import { useRelayStore } from '../relay/relay-store';

/**
 * Settings → Meta app, "Log in in my browser": the two https pages the brand must add to its Meta
 * app's valid OAuth redirect URIs, shown once a relay is paired (it serves them); before that, why
 * a relay is needed.
 */
export function BrowserLoginUris() {
  const relayUrl = useRelayStore((state) => state.data?.relayUrl ?? null);
  return (
    <div className="meta-app__group" role="group" aria-labelledby="meta-app-browser" data-browser-login-uris={relayUrl ? 'shown' : 'needs-relay'}>
      <h3 id="meta-app-browser">For Log in in my browser</h3>
      {relayUrl ? (
        <>
          <p>
            Add these addresses, exactly as written, to your Meta app: the first under Facebook Login → Settings → Valid
            OAuth Redirect URIs, the second under Instagram → Business login settings → OAuth redirect URIs.
          </p>
          <ul className="meta-app__uris">
            <li>
              <code data-return-uri="facebook">{relayReturnUri(relayUrl, 'facebook')}</code>
            </li>
            <li>
              <code data-return-uri="instagram">{relayReturnUri(relayUrl, 'instagram')}</code>
            </li>
          </ul>
        </>
      ) : (
        <p className="muted">
          Logging in in your own browser needs your brand&apos;s relay (Settings → Relay): Meta sends a login back only
          to an https page, and the relay serves that page for Social Desk. Until then, the login opens in a window
          inside Social Desk.
        </p>
      )}
    </div>
  );
}
