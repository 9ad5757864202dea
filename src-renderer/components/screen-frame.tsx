import type { ReactNode } from 'react';

interface ScreenFrameProps {
  /** Exposed as data-screen for end-to-end tests. */
  name: string;
  children: ReactNode;
}

/** The centred card used by the screens shown before the workspace opens. */
export function ScreenFrame({ name, children }: ScreenFrameProps) {
  return (
    <main className="screen" data-screen={name} id="main-content">
      <div className="screen__card">
        <p className="screen__brand" aria-hidden="true">
          Social Desk
        </p>
        {children}
      </div>
    </main>
  );
}
