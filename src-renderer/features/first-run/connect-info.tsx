interface ConnectInfoProps {
  onBack: () => void;
  onDemo: () => void;
}

/** "Connect an account": honest about what exists today and where data goes. */
export function ConnectInfo({ onBack, onDemo }: ConnectInfoProps) {
  return (
    <section className="stack" data-step="connect" aria-labelledby="connect-title">
      <h1 id="connect-title">Accounts</h1>
      <p>
        Connecting your Instagram and Facebook accounts arrives in the next version of Social Desk.
      </p>
      <p>
        When it does, Social Desk will talk only to Meta, the company behind Instagram and Facebook. Your posts,
        figures and messages are stored encrypted on this computer. Nothing is sent anywhere but Meta.
      </p>
      <p>Meanwhile you can look around with a demo workspace filled with made-up data.</p>
      <div className="actions">
        <button type="button" className="button" onClick={onBack}>
          Back
        </button>
        <button type="button" className="button button--primary" onClick={onDemo}>
          Explore the demo workspace
        </button>
      </div>
    </section>
  );
}
