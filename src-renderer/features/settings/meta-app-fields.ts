import type { ErrorPayload, MetaAppConfig } from '../../../src-preload/contract';
import type { MetaAppPatch } from './meta-app-store';

export type MetaAppField = keyof MetaAppPatch;
export type SecretField = 'facebookAppSecret' | 'instagramAppSecret';
export type Drafts = Record<MetaAppField, string>;
export type Problems = Partial<Record<MetaAppField, string>>;

export const META_APP_FIELDS: readonly MetaAppField[] = [
  'facebookAppId',
  'facebookAppSecret',
  'instagramAppId',
  'instagramAppSecret',
  'instagramRedirectUri',
];

export const SECRET_FIELDS: readonly SecretField[] = ['facebookAppSecret', 'instagramAppSecret'];

export function isSecret(field: MetaAppField): field is SecretField {
  return (SECRET_FIELDS as readonly string[]).includes(field);
}

/** Whether a secret is stored, from the config (its value never reaches the renderer). */
export function hasSecret(config: MetaAppConfig, field: SecretField): boolean {
  return field === 'facebookAppSecret' ? config.hasFacebookAppSecret : config.hasInstagramAppSecret;
}

export const FIELD_LABELS: Record<MetaAppField, string> = {
  facebookAppId: 'Facebook app id',
  facebookAppSecret: 'Facebook app secret',
  instagramAppId: 'Instagram app id',
  instagramAppSecret: 'Instagram app secret',
  instagramRedirectUri: 'Instagram Login redirect URI',
};

/** What each field wants, in plain words; shown when what was typed isn't that. */
const PROBLEM_TEXT: Record<MetaAppField, string> = {
  facebookAppId: 'The app id is only digits, like 1234567890123456 (App settings → Basic in the Meta app dashboard).',
  facebookAppSecret: 'The app secret is 32 letters and digits (0–9, a–f). Copy it again from App settings → Basic.',
  instagramAppId: 'The Instagram app id is only digits. Find it under Instagram → API setup with Instagram login.',
  instagramAppSecret: 'The Instagram app secret is 32 letters and digits (0–9, a–f). Copy it again from the dashboard.',
  instagramRedirectUri: 'This has to be a full web address starting with https://, exactly as registered in the Meta app dashboard.',
};

/** Drafts start from what is stored; secret fields always start empty (typing one replaces the stored one). */
export function initialDrafts(config: MetaAppConfig): Drafts {
  return {
    facebookAppId: config.facebookAppId ?? '',
    facebookAppSecret: '',
    instagramAppId: config.instagramAppId ?? '',
    instagramAppSecret: '',
    instagramRedirectUri: config.instagramRedirectUri ?? '',
  };
}

/** Only the fields that differ from what is stored. An emptied id or URI is sent as '' (clears it). */
export function changedFields(config: MetaAppConfig, drafts: Drafts): MetaAppPatch {
  const stored = initialDrafts(config);
  const patch: MetaAppPatch = {};
  for (const field of META_APP_FIELDS) {
    const value = drafts[field].trim();
    if (isSecret(field)) {
      if (value) patch[field] = value;
    } else if (value !== stored[field].trim()) {
      patch[field] = value;
    }
  }
  return patch;
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const VALID: Record<MetaAppField, (value: string) => boolean> = {
  facebookAppId: (value) => /^\d{1,20}$/.test(value),
  facebookAppSecret: (value) => /^[0-9a-f]{1,64}$/i.test(value),
  instagramAppId: (value) => /^\d{1,20}$/.test(value),
  instagramAppSecret: (value) => /^[0-9a-f]{1,64}$/i.test(value),
  instagramRedirectUri: isHttpsUrl,
};

/** The same rules the main process applies, checked first so mistakes show next to the field at once. */
export function validate(patch: MetaAppPatch): Problems {
  const problems: Problems = {};
  for (const field of META_APP_FIELDS) {
    const value = patch[field];
    if (value && !VALID[field](value)) problems[field] = PROBLEM_TEXT[field];
  }
  return problems;
}

/** INVALID_ARGUMENT names the field it rejected ("… instagramRedirectUri Invalid URL"): put it next to that field. */
export function problemsFromError(error: ErrorPayload): Problems | null {
  if (error.code !== 'INVALID_ARGUMENT') return null;
  const field = META_APP_FIELDS.find((name) => error.message.includes(name));
  return field ? { [field]: PROBLEM_TEXT[field] } : null;
}
