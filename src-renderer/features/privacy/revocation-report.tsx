import type { WipeReport } from '../../../src-preload/contract';

/** Which accounts' Meta access the wipe revoked, and which it could not (with Meta's reason). */
export function RevocationReport({ report }: { report: WipeReport }) {
  const revoked = report.revoked ?? [];
  const notRevoked = report.notRevoked ?? [];
  if (revoked.length === 0 && notRevoked.length === 0) return null;
  return (
    <div className="stack" data-revocation-report>
      {revoked.length > 0 && <p>Meta access revoked for: {revoked.join(', ')}.</p>}
      {notRevoked.map((item) => (
        <p key={item.account} className="muted">
          Not revoked for {item.account}: {item.reason}
        </p>
      ))}
    </div>
  );
}
