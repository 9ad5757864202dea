import { RevocationReport } from '../privacy/revocation-report';
import { useState } from 'react';
import type { AppState, ErrorPayload } from '../../../src-preload/contract';
import { ScreenFrame } from '../../components/screen-frame';
import { openConnectPanel } from '../accounts/connect-store';
import { rememberSetAside, rememberWipe, useAppStore } from '../app/app-store';
import { navigate } from '../shell/nav-store';
import { ConnectInfo } from './connect-info';
import { loadDemo, skipDemo } from './demo-flow';
import { DemoLoader } from './demo-loader';
import { KeySetup } from './key-setup';
import './first-run.css';

type Step = 'welcome' | 'connect' | 'key' | 'demo';

/** Welcome: connect an account (explained) or explore the demo (creating the vault first if needed). */
export function FirstRunScreen({ appState }: { appState: AppState }) {
  const [step, setStep] = useState<Step>('welcome');
  const [demoError, setDemoError] = useState<ErrorPayload | null>(null);
  const lastWipe = useAppStore((state) => state.lastWipe);
  const lastSetAside = useAppStore((state) => state.lastSetAside);
  const vaultExists = appState.keyProtection.backend !== 'none';

  const runDemo = async () => {
    setStep('demo');
    setDemoError(null);
    const result = await loadDemo();
    if (!result.ok) setDemoError(result.error);
  };
  // After the key step: load the demo, or open the workspace on Accounts with the connect panel.
  const [afterKey, setAfterKey] = useState<'demo' | 'connect'>('demo');
  const openConnect = async () => {
    openConnectPanel();
    navigate('accounts');
    await skipDemo();
  };
  const exploreDemo = () => {
    setAfterKey('demo');
    if (vaultExists) void runDemo();
    else setStep('key');
  };
  const connectAccount = () => {
    setAfterKey('connect');
    if (vaultExists) void openConnect();
    else setStep('key');
  };

  return (
    <ScreenFrame name="first-run">
      {step === 'welcome' && (
        <section className="stack" data-step="welcome">
          {lastSetAside && (
            <div className="notice notice--success" role="status" data-set-aside="true">
              <p className="notice__title">The damaged database and its key were kept, not erased:</p>
              <p>
                <code>{lastSetAside}</code>
              </p>
              <button type="button" className="button button--small" onClick={() => rememberSetAside(null)}>
                Dismiss
              </button>
            </div>
          )}
          {lastWipe && (
            <div className="notice notice--success" role="status" data-wipe-report="true">
              <p className="notice__title">Everything Social Desk stored on this computer was erased.</p>
              <ul className="plain-list">
                {lastWipe.removed.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
              <RevocationReport report={lastWipe} />
              <button type="button" className="button button--small" onClick={() => rememberWipe(null)}>
                Dismiss
              </button>
            </div>
          )}
          <h1>Welcome to Social Desk</h1>
          <p className="lead">
            Your Instagram and Facebook figures and messages, in one calm place. Everything is kept encrypted on
            this computer; nothing is sent anywhere but Meta.
          </p>
          <div className="choice-grid">
            <button type="button" className="choice" onClick={() => setStep('connect')}>
              <span className="choice__title">Connect an account</span>
              <span className="choice__body">Bring in your own Instagram or Facebook account.</span>
            </button>
            <button type="button" className="choice" onClick={exploreDemo}>
              <span className="choice__title">Explore the demo workspace</span>
              <span className="choice__body">Look around with made-up data first. You can erase it any time.</span>
            </button>
          </div>
        </section>
      )}
      {step === 'connect' && <ConnectInfo onBack={() => setStep('welcome')} onContinue={connectAccount} />}
      {step === 'key' && (
        <KeySetup
          keyProtection={appState.keyProtection}
          onBack={() => setStep('welcome')}
          onCreated={() => void (afterKey === 'connect' ? openConnect() : runDemo())}
        />
      )}
      {step === 'demo' && (
        <DemoLoader
          error={demoError}
          canSkip={appState.phase === 'ready'}
          onRetry={() => void runDemo()}
          onSkip={() => void skipDemo()}
        />
      )}
    </ScreenFrame>
  );
}
