interface ConnectInfoProps {
  onBack: () => void;
  onContinue: () => void;
}

/** "Connect an account": what the ways are and where data goes, before the key step and the connect panel. */
export function ConnectInfo({ onBack, onContinue }: ConnectInfoProps) {
  return (
    <section className="stack" data-step="connect" aria-labelledby="connect-title">
      <h1 id="connect-title">Connect an account</h1>
      <p>
        You can bring in an Instagram professional account and a Facebook Page in one of three ways: paste a
        system-user token from Meta Business Manager (the simplest for a small brand), log in with Facebook, or, later,
        log in with Instagram. The next screens explain each one.
      </p>
      <p>
        Social Desk talks only to Meta, the company behind Instagram and Facebook. Your posts, figures and messages
        are stored encrypted on this computer. Nothing is sent anywhere but Meta.
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={onBack}>
          Back
        </button>
        <button type="button" className="button button--primary" onClick={onContinue}>
          Continue
        </button>
      </div>
    </section>
  );
}
