import type { RelayStatusView } from '../../../src-preload/contract';
import { formatAgo } from '../sync/sync-text';

const CONNECTION: Record<RelayStatusView['connection'], string> = {
  'not-paired': 'Not paired',
  connecting: 'Connecting…',
  connected: 'Live',
  offline: 'Offline',
};

/** "Live", or "Live (long polling)" where a proxy on the way blocks the relay's event stream. */
export const connectionText = (s: RelayStatusView) =>
  s.connection === 'connected' && s.transport === 'long-poll' ? `${CONNECTION.connected} (long polling)` : CONNECTION[s.connection];

/** "Last event 2 min ago, 180 ms after Meta sent it" or "No events yet". */
export function lastEventText(s: RelayStatusView, now: number): string {
  if (s.lastEventAt === null) return 'No events yet';
  const lag = s.lastLagMs === null ? '' : `, ${s.lastLagMs < 1000 ? `${s.lastLagMs} ms` : `${(s.lastLagMs / 1000).toFixed(1)} s`} after the relay got it`;
  return `Last event ${formatAgo(s.lastEventAt, now)}${lag}`;
}
