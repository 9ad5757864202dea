import { describe, expect, it } from 'vitest';
import { GRAPH_API_VERSION, resolveGraphConfig } from '../../../src-main/meta/config';

describe('resolveGraphConfig', () => {
  it('defaults to Meta’s hosts and v25.0', () => {
    expect(GRAPH_API_VERSION).toBe('v25.0');
    expect(resolveGraphConfig({})).toEqual({
      version: 'v25.0',
      facebookBaseUrl: 'https://graph.facebook.com',
      instagramBaseUrl: 'https://graph.instagram.com',
      oauth: {
        facebookDialogBaseUrl: 'https://www.facebook.com/v25.0',
        instagramAuthorizeUrl: 'https://www.instagram.com/oauth/authorize',
        instagramTokenUrl: 'https://api.instagram.com/oauth/access_token',
      },
    });
  });

  it('points both hosts and the OAuth endpoints at the emulator from GRAPH_API_BASE_URL', () => {
    expect(resolveGraphConfig({ GRAPH_API_BASE_URL: 'http://127.0.0.1:8787/' })).toEqual({
      version: 'v25.0',
      facebookBaseUrl: 'http://127.0.0.1:8787',
      instagramBaseUrl: 'http://127.0.0.1:8787/ig',
      oauth: {
        facebookDialogBaseUrl: 'http://127.0.0.1:8787',
        instagramAuthorizeUrl: 'http://127.0.0.1:8787/ig/oauth/authorize',
        instagramTokenUrl: 'http://127.0.0.1:8787/ig/oauth/access_token',
      },
    });
  });

  it('accepts a separate Instagram base and validates input', () => {
    const config = resolveGraphConfig({ GRAPH_API_BASE_URL: 'http://localhost:1', GRAPH_API_INSTAGRAM_BASE_URL: 'http://localhost:2' });
    expect(config.instagramBaseUrl).toBe('http://localhost:2');
    expect(() => resolveGraphConfig({ GRAPH_API_BASE_URL: 'not a url' })).toThrow(/GRAPH_API_BASE_URL/);
    expect(() => resolveGraphConfig({ GRAPH_API_BASE_URL: 'ftp://x' })).toThrow();
    expect(() => resolveGraphConfig({ GRAPH_API_VERSION: '25' })).toThrow();
  });
});
