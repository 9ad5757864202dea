import type { Db } from '../database';
import type { StoreStatus } from '../../../src-preload/contract';
import { AccountsRepository } from './accounts';
import { AppConfigRepository } from './app-config';
import { AuditRepository } from './audit';
import { CommentsRepository } from './comments';
import { InboxRepository } from './inbox';
import { InsightsRepository } from './insights';
import { MessageSignalsRepository } from './message-signals';
import { OutboxRepository } from './outbox';
import { PostsRepository } from './posts';
import { ReplyTargetsRepository } from './reply-targets';
import { RetiredMetricsRepository } from './retired-metrics';
import { SyncRunsRepository } from './sync-runs';
import { ThumbnailsRepository } from './thumbnails';
import { TriageRepository } from './triage';

export interface Repositories {
  db: Db;
  accounts: AccountsRepository;
  posts: PostsRepository;
  insights: InsightsRepository;
  inbox: InboxRepository;
  comments: CommentsRepository;
  audit: AuditRepository;
  syncRuns: SyncRunsRepository;
  retiredMetrics: RetiredMetricsRepository;
  appConfig: AppConfigRepository;
  triage: TriageRepository;
  outbox: OutboxRepository;
  replyTargets: ReplyTargetsRepository;
  thumbnails: ThumbnailsRepository;
  messageSignals: MessageSignalsRepository;
}

export function createRepositories(db: Db): Repositories {
  return {
    db,
    accounts: new AccountsRepository(db),
    posts: new PostsRepository(db),
    insights: new InsightsRepository(db),
    inbox: new InboxRepository(db),
    comments: new CommentsRepository(db),
    audit: new AuditRepository(db),
    syncRuns: new SyncRunsRepository(db),
    retiredMetrics: new RetiredMetricsRepository(db),
    appConfig: new AppConfigRepository(db),
    triage: new TriageRepository(db),
    outbox: new OutboxRepository(db),
    replyTargets: new ReplyTargetsRepository(db),
    thumbnails: new ThumbnailsRepository(db),
    messageSignals: new MessageSignalsRepository(db),
  };
}

const COUNTED_TABLES: Record<keyof StoreStatus['counts'], string> = {
  accounts: 'accounts',
  posts: 'posts',
  postSnapshots: 'post_metric_snapshots',
  dailyInsights: 'account_daily_insights',
  demographics: 'audience_demographics',
  people: 'people',
  conversations: 'conversations',
  messages: 'messages',
  comments: 'comments',
  syncRuns: 'sync_runs',
  auditEntries: 'audit_log',
};

/** Row counts of every table a person would care about. */
export function countRows(db: Db): StoreStatus['counts'] {
  const counts = {} as StoreStatus['counts'];
  for (const [key, table] of Object.entries(COUNTED_TABLES) as Array<[keyof StoreStatus['counts'], string]>) {
    counts[key] = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
  return counts;
}
