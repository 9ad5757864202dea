/**
 * Where the Graph client sends requests. Defaults are Meta's real hosts; environment variables let
 * the local emulator (which serves the Instagram host under `/ig`) and tests stand in for Meta.
 */

/** Current stable Graph API version (v25.0, released 2026-02-18, supported until 2028-07-29). */
export const GRAPH_API_VERSION = 'v25.0';

/** Meta's own hosts, used as defaults and to recognise absolute `paging.next` links. */
export const META_HOSTS = {
  facebook: 'https://graph.facebook.com',
  instagram: 'https://graph.instagram.com',
  facebookWww: 'https://www.facebook.com',
  instagramWww: 'https://www.instagram.com',
  instagramApi: 'https://api.instagram.com',
} as const;

/** Redirect URI for Facebook Login's manual desktop flow. */
export const FACEBOOK_DESKTOP_REDIRECT_URI = 'https://www.facebook.com/connect/login_success.html';

/** Login dialog and token endpoints (outside the Graph hosts). */
export interface OAuthEndpoints {
  /** Prefix before `/dialog/oauth`, e.g. `https://www.facebook.com/v25.0`. */
  facebookDialogBaseUrl: string;
  /** Full Instagram Login authorize URL. */
  instagramAuthorizeUrl: string;
  /** Full api.instagram.com code-exchange URL. */
  instagramTokenUrl: string;
}

/** Resolved Graph client configuration. */
export interface GraphConfig {
  version: string;
  facebookBaseUrl: string;
  instagramBaseUrl: string;
  oauth: OAuthEndpoints;
}

/** Environment variables read by `resolveGraphConfig`. */
export interface GraphEnv {
  GRAPH_API_BASE_URL?: string;
  GRAPH_API_INSTAGRAM_BASE_URL?: string;
  GRAPH_API_VERSION?: string;
  [key: string]: string | undefined;
}

function normaliseBaseUrl(value: string, variable: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${variable} is not a valid URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${variable} must be an http(s) URL`);
  if (url.search || url.hash) throw new Error(`${variable} must not contain a query or fragment`);
  // Trailing slashes would produce `//v25.0/...` paths.
  return url.toString().replace(/\/+$/, '');
}

/** Builds the client configuration from the environment (defaults: Meta's real hosts). */
export function resolveGraphConfig(env: GraphEnv = process.env): GraphConfig {
  const version = env.GRAPH_API_VERSION?.trim() || GRAPH_API_VERSION;
  if (!/^v\d+\.\d+$/.test(version)) throw new Error('GRAPH_API_VERSION must look like v25.0');
  const fbOverride = env.GRAPH_API_BASE_URL?.trim();
  const igOverride = env.GRAPH_API_INSTAGRAM_BASE_URL?.trim();

  const facebookBaseUrl = fbOverride ? normaliseBaseUrl(fbOverride, 'GRAPH_API_BASE_URL') : META_HOSTS.facebook;
  const instagramBaseUrl = igOverride
    ? normaliseBaseUrl(igOverride, 'GRAPH_API_INSTAGRAM_BASE_URL')
    : fbOverride
      ? `${facebookBaseUrl}/ig`
      : META_HOSTS.instagram;

  // The emulator hosts the dialogs next to its Graph routes; Meta hosts them on www.* / api.*.
  const oauth: OAuthEndpoints = fbOverride
    ? {
        facebookDialogBaseUrl: facebookBaseUrl,
        instagramAuthorizeUrl: `${facebookBaseUrl}/ig/oauth/authorize`,
        instagramTokenUrl: `${facebookBaseUrl}/ig/oauth/access_token`,
      }
    : {
        facebookDialogBaseUrl: `${META_HOSTS.facebookWww}/${version}`,
        instagramAuthorizeUrl: `${META_HOSTS.instagramWww}/oauth/authorize`,
        instagramTokenUrl: `${META_HOSTS.instagramApi}/oauth/access_token`,
      };

  return { version, facebookBaseUrl, instagramBaseUrl, oauth };
}
