import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { MetaAppConfig } from '../../../src-preload/contract';
import { ErrorNotice } from '../../components/error-notice';
import { clearAnchor, useNavStore } from '../shell/nav-store';
import {
  changedFields,
  hasSecret,
  initialDrafts,
  problemsFromError,
  validate,
  type Drafts,
  type MetaAppField,
  type Problems,
  type SecretField,
} from './meta-app-fields';
import { BrowserLoginUris } from './browser-login-uris';
import { MetaAppInput } from './meta-app-input';
import { loadMetaApp, saveMetaApp, useMetaAppStore, type MetaAppPatch } from './meta-app-store';

const REDIRECT_HINT =
  'Starts with https:// and must match, character for character, the redirect URI registered for Instagram Login in the Meta app dashboard.';

/** The form over one loaded config; remounted (by key) after every load or save so it starts from what is stored. */
function MetaAppForm({ config }: { config: MetaAppConfig }) {
  const saving = useMetaAppStore((state) => state.saving);
  const saveError = useMetaAppStore((state) => state.saveError);
  const savedAt = useMetaAppStore((state) => state.savedAt);
  const [drafts, setDrafts] = useState<Drafts>(() => initialDrafts(config));
  const [problems, setProblems] = useState<Problems>({});
  const patch = changedFields(config, drafts);
  const dirty = Object.keys(patch).length > 0;
  const fieldError = saveError ? problemsFromError(saveError) : null;

  const change = (field: MetaAppField) => (value: string) => {
    setDrafts((current) => ({ ...current, [field]: value }));
    setProblems((current) => ({ ...current, [field]: undefined }));
  };

  const send = async (change: MetaAppPatch) => {
    const result = await saveMetaApp(change);
    // On success the store bumps its version and this form is replaced; on a rejection, point at the field.
    if (!result.ok) setProblems(problemsFromError(result.error) ?? {});
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!dirty || saving) return;
    const found = validate(patch);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    void send(patch);
  };

  const input = (field: MetaAppField, hint?: string) => (
    <MetaAppInput
      field={field}
      value={drafts[field]}
      onChange={change(field)}
      problem={problems[field]}
      hint={hint}
      disabled={saving}
    />
  );
  const secretInput = (field: SecretField) => (
    <MetaAppInput
      field={field}
      value={drafts[field]}
      onChange={change(field)}
      problem={problems[field]}
      secretSaved={hasSecret(config, field)}
      onRemoveSecret={() => void send({ [field]: '' })}
      disabled={saving}
    />
  );

  return (
    <form className="stack meta-app__form" onSubmit={submit} noValidate>
      <div className="meta-app__group" role="group" aria-labelledby="meta-app-facebook">
        <h3 id="meta-app-facebook">For Log in with Facebook</h3>
        {input('facebookAppId')}
        {secretInput('facebookAppSecret')}
      </div>
      <div className="meta-app__group" role="group" aria-labelledby="meta-app-instagram">
        <h3 id="meta-app-instagram">For Log in with Instagram</h3>
        {input('instagramAppId')}
        {secretInput('instagramAppSecret')}
        {input('instagramRedirectUri', REDIRECT_HINT)}
      </div>
      <BrowserLoginUris />
      {saveError && !fieldError && <ErrorNotice error={saveError} />}
      <div className="actions actions--start">
        <button type="submit" className="button button--primary" disabled={!dirty || saving}>
          {saving ? 'Saving…' : 'Save Meta app settings'}
        </button>
        <p className="muted" role="status" data-meta-app-saved={savedAt ? 'true' : 'false'}>
          {savedAt && !dirty && !saving ? 'Saved.' : ''}
        </p>
      </div>
    </form>
  );
}

/** Settings → Meta app: the brand's own Meta app ids, write-only secrets and the Instagram redirect URI. */
export function MetaAppSection() {
  const { data, status, error, version } = useMetaAppStore();
  const anchor = useNavStore((state) => state.anchor);
  const titleRef = useRef<HTMLLegendElement>(null);

  useEffect(() => {
    if (useMetaAppStore.getState().status === 'idle') void loadMetaApp();
  }, []);

  // Arriving from "Open Settings → Meta app" (connect panel): bring the section into view and focus it.
  useEffect(() => {
    if (anchor !== 'meta-app' || !data) return;
    titleRef.current?.scrollIntoView?.({ block: 'start' });
    titleRef.current?.focus();
    clearAnchor();
  }, [anchor, data]);

  return (
    <fieldset className="panel meta-app" data-settings-section="meta-app" data-status={status}>
      <legend ref={titleRef} tabIndex={-1}>
        Meta app
      </legend>
      <p>
        Your brand&apos;s own Meta app lets Social Desk open Facebook Login and Instagram Login from this computer.
        What you enter here, the app secrets included, stays inside the encrypted database on this computer, and a
        saved secret is never shown again. With a relay paired (Settings → Relay), the relay holds the secrets and
        does the token exchanges, so the secret fields can stay empty.
      </p>
      <p className="muted">
        Connecting with a system-user token needs none of this: you can leave these fields empty.
      </p>
      {error && <ErrorNotice error={error} onRetry={() => void loadMetaApp()} />}
      {status === 'loading' && !data && <p className="muted">Reading the Meta app settings…</p>}
      {data && <MetaAppForm key={version} config={data} />}
    </fieldset>
  );
}
