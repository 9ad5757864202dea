import { ProgressBar } from '../../components/progress-bar';
import { useSyncStore } from '../sync/sync-store';

/** Shown only while `sync:progress` events arrive. */
export function SyncBar() {
  const progress = useSyncStore((state) => state.progress);
  if (!progress) return null;
  return (
    <div className="sync-bar" role="status" data-sync-job={progress.job}>
      <ProgressBar label={`Updating: ${progress.job}`} done={progress.done} total={progress.total} />
    </div>
  );
}
