/**
 * The demo workspace is live: when the app or the CLI needs Meta for a demo account (sync, reply,
 * comment actions), the built-in emulator is started on a loopback port with the demo's own world
 * — same scenario, seed and creation time, so every id and token matches what is stored — and its
 * clock at now. What was sent from this workspace before (the sent outbox items) is replayed into
 * it at its original times, so the rebuilt world remembers it, as Meta would.
 */
import { AppError } from '../core/app-error';
import { replayModeration } from '../emulator/graph/moderation';
import { replaySentMessage } from '../emulator/graph/send';
import { startEmulator, type RunningEmulator } from '../emulator/server';
import { advance } from '../emulator/world/advance';
import type { Scenario, World } from '../emulator/world/types';
import { resolveGraphConfig } from '../meta/config';
import { GraphClient } from '../meta/graph-client';
import type { Repositories } from '../store/repositories';
import type { OutboxRecord } from '../store/repositories/outbox';
import { SyncEngine, type AccountRunResult } from '../sync/engine';

/** What identifies the demo's world; stored when the demo is loaded. */
export interface DemoWorldRecord {
  scenario: Scenario;
  seed: number;
  createdAt: number;
}

export function saveDemoWorld(repos: Repositories, world: World, now: number): void {
  const record: DemoWorldRecord = { scenario: world.scenario, seed: world.seed, createdAt: world.createdAt };
  repos.appConfig.set('demo_world', JSON.stringify(record), now);
}

function readDemoWorld(repos: Repositories): DemoWorldRecord {
  const raw = repos.appConfig.get('demo_world');
  if (!raw) throw new AppError('CONFLICT', 'This demo workspace was made by an older Social Desk and cannot be brought to life; load the demo again (Privacy → erase, then Try the demo).');
  return JSON.parse(raw) as DemoWorldRecord;
}

/** Puts what this workspace sent back into the rebuilt world, each at its own time. */
function replayJournal(repos: Repositories, world: World, journal: readonly OutboxRecord[]): void {
  for (const item of journal) {
    const at = item.sentAt ?? item.createdAt;
    if (at > world.now) advance(world, at);
    if (item.kind === 'message' && item.resultExternalId && item.conversationId) {
      const conv = repos.replyTargets.conversation(item.conversationId);
      if (conv) replaySentMessage(world, { id: item.resultExternalId, conversationId: conv.externalId, text: item.text ?? '', createdTime: at, ...(item.tag ? { tag: item.tag } : {}) });
    } else if (item.kind === 'private_reply') {
      replaySentMessage(world, { id: item.resultExternalId ?? `replayed-${item.id}`, text: item.text ?? '', createdTime: at, privateReplyTo: item.targetExternalId });
    } else if (item.kind === 'comment_reply' && item.resultExternalId) {
      const comment = item.commentId ? repos.replyTargets.comment(item.commentId) : null;
      replayModeration(world, { kind: 'reply', commentId: comment?.parentExternalId ?? item.targetExternalId, replyId: item.resultExternalId, text: item.text ?? '', at });
    } else if (item.kind === 'comment_hide' || item.kind === 'comment_unhide' || item.kind === 'comment_delete') {
      replayModeration(world, { kind: item.kind === 'comment_hide' ? 'hide' : item.kind === 'comment_unhide' ? 'unhide' : 'delete', commentId: item.targetExternalId });
    }
  }
}

/**
 * The demo's world started outside this process, which keeps it (and what was sent to it) for
 * longer than this process lives: the end-to-end specs kill the app mid-send and check what the
 * same world received. Given one, no journal is replayed, since that world already remembers.
 */
export type AttachDemoWorld = (record: DemoWorldRecord) => Promise<{ url: string }>;

/** Starts the demo's own world with its clock at now (the world is built at the demo's creation time). */
export function startDemoEmulator(record: DemoWorldRecord, now: () => number): Promise<RunningEmulator> {
  // The world is generated at the clock's first reading: the demo's creation time. After that
  // the clock is now, and the world catches up on the first call.
  let first = true;
  const clock = (): number => {
    if (first) {
      first = false;
      return record.createdAt;
    }
    return Math.max(record.createdAt, now());
  };
  return startEmulator({ port: 0, scenario: record.scenario, seed: record.seed, now: clock });
}

interface Connection {
  /** Null when the world lives outside this process (see AttachDemoWorld). */
  emulator: RunningEmulator | null;
  client: GraphClient;
}

export class LiveDemo {
  private running: Promise<Connection> | null = null;

  constructor(
    private readonly repos: Repositories,
    private readonly now: () => number,
    private readonly attach?: AttachDemoWorld,
  ) {}

  isDemoAccount(accountId: number): boolean {
    return this.repos.accounts.get(accountId)?.isDemo === true;
  }

  /** The emulator (started on first use) and a Graph client pointed at it. */
  connection(): Promise<Connection> {
    this.running ??= this.start().catch((error: unknown) => {
      this.running = null;
      throw error;
    });
    return this.running;
  }

  async client(): Promise<GraphClient> {
    return (await this.connection()).client;
  }

  private async start(): Promise<Connection> {
    const record = readDemoWorld(this.repos);
    if (this.attach) {
      const { url } = await this.attach(record);
      return { emulator: null, client: new GraphClient({ config: resolveGraphConfig({ GRAPH_API_BASE_URL: url }), now: this.now }) };
    }
    const emulator = await startDemoEmulator(record, this.now);
    const demoIds = this.repos.accounts.list().filter((a) => a.isDemo).map((a) => a.id);
    replayJournal(this.repos, emulator.world, this.repos.outbox.sentForAccounts(demoIds));
    const client = new GraphClient({ config: resolveGraphConfig({ GRAPH_API_BASE_URL: emulator.url }), now: this.now });
    return { emulator, client };
  }

  /** Syncs a demo account against the live emulator (a routine sync, like any account's). */
  async sync(accountId: number, onProgress?: (job: string, done: number, total: number) => void): Promise<AccountRunResult> {
    const { client } = await this.connection();
    const engine = new SyncEngine({ repos: this.repos, client, now: this.now, ...(onProgress ? { onProgress: (_id: number, job: string, done: number, total: number) => onProgress(job, done, total) } : {}) });
    return engine.syncAccount(accountId, 'routine');
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = null;
    if (running) await (await running.catch(() => null))?.emulator?.stop();
  }
}
