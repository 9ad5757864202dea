import { useEffect } from 'react';
import { ErrorNotice } from '../../components/error-notice';
import { useAppStore } from '../app/app-store';
import { AuditSection } from './audit-section';
import { ForgetSection } from './forget-section';
import { KeySection } from './key-section';
import { ExportProgress } from './export-progress';
import { exportEverything } from './privacy-actions';
import { loadPrivacy, usePrivacyStore } from './privacy-store';
import { RequestsSection } from './requests-section';
import { RetentionSection } from './retention-section';
import { StoredSection } from './stored-section';
import { WipeSection } from './wipe-section';
import './privacy.css';

export function PrivacyView() {
  const { data, status, error, exportNotice, exportError, exporting } = usePrivacyStore();
  const keychainAvailable = useAppStore((s) => s.data?.keyProtection.osProtectionAvailable ?? false);

  useEffect(() => {
    if (usePrivacyStore.getState().status === 'idle') void loadPrivacy();
  }, []);

  return (
    <section className="view" data-view="privacy" data-status={status} aria-labelledby="privacy-title">
      <header className="view__header">
        <h1 id="privacy-title">Privacy</h1>
        <button type="button" className="button" disabled={exporting !== null} onClick={() => void exportEverything()}>
          Export everything…
        </button>
      </header>
      <p className="prose">
        Everything Social Desk knows is stored encrypted on this computer. It talks only to Meta and, if you pair one in
        Settings, your brand's own relay, which passes Meta's notifications on sealed so that only this computer can
        read them. Nothing is sent anywhere else.
      </p>
      {error && <ErrorNotice error={error} onRetry={() => void loadPrivacy()} />}
      <ExportProgress />
      {exportError && <ErrorNotice error={exportError} />}
      {exportNotice && (
        <p className="notice notice--success" role="status" data-export-notice>
          {exportNotice}
        </p>
      )}
      {data && (
        <div className="privacy-grid">
          <StoredSection store={data.store} />
          <KeySection backend={data.store.keyBackend} keychainAvailable={keychainAvailable} />
          <ForgetSection />
          <RequestsSection />
          <RetentionSection />
          <AuditSection />
        </div>
      )}
      <WipeSection />
    </section>
  );
}
