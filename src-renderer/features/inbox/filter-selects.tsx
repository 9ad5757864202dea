import { useId } from 'react';
import type { MessagingPlatform } from '../../../src-preload/contract';
import { formatFullNumber } from '../../lib/format';
import { CHANNEL_LABEL } from './conversation-row';
import { useInboxStore } from './inbox-store';

const withCount = (n: number | undefined, show: boolean) => (show && n !== undefined ? ` (${formatFullNumber(n)})` : '');

/** The brand-account picker of the list and of search; `showCounts` adds each account's conversations. */
export function AccountSelect({ value, onChange, showCounts = false }: { value: number | null; onChange: (accountId: number | null) => void; showCounts?: boolean }) {
  const counts = useInboxStore((state) => state.counts);
  const id = useId();
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        Account
      </label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}>
        <option value="">All accounts{withCount(counts?.total, showCounts)}</option>
        {counts?.byAccount.map((a) => (
          <option key={a.accountId} value={a.accountId}>
            {a.accountName}
            {withCount(a.count, showCounts)}
          </option>
        ))}
      </select>
    </>
  );
}

/** The channel picker (Instagram, Messenger…) of the list and of search. */
export function ChannelSelect({ value, onChange, showCounts = false }: { value: MessagingPlatform | null; onChange: (platform: MessagingPlatform | null) => void; showCounts?: boolean }) {
  const counts = useInboxStore((state) => state.counts);
  const id = useId();
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        Channel
      </label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange((event.target.value || null) as MessagingPlatform | null)}>
        <option value="">All channels</option>
        {counts?.byPlatform.map((p) => (
          <option key={p.platform} value={p.platform}>
            {CHANNEL_LABEL[p.platform]}
            {withCount(p.count, showCounts)}
          </option>
        ))}
      </select>
    </>
  );
}
