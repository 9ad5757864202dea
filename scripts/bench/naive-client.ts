/**
 * The naive baseline: a real, simple Graph API client that reads the same data as a full sync
 * the obvious way, written from Meta's documentation and nothing of ours. One request per list
 * page at Meta's default page size, no field expansion of edges, no batching: per post one
 * insights call with every metric of its product type comma-separated and one comments list,
 * per comment its replies, one account-totals call per day, per thread its message list and one
 * call per message for details (Meta's documented conversations recipe). It waits politely when
 * Meta reports a spent budget. The bench counts what it costs on the emulator's side.
 */

const DAY_MS = 86_400_000;
const VERSION = 'v25.0';
/** Meta's throttling codes (https://developers.facebook.com/docs/graph-api/overview/rate-limiting). */
const THROTTLE_CODES = new Set([4, 17, 32, 613, 80001, 80002, 80006]);
/** Media insights per product type (instagram-media/insights reference, 2026-06). */
const FEED_METRICS = 'views,reach,likes,comments,saved,shares,total_interactions,follows,profile_visits,profile_activity,reposts';
const REELS_METRICS = 'views,reach,likes,comments,saved,shares,total_interactions,reposts,ig_reels_avg_watch_time,ig_reels_video_view_total_time';
/** Instagram account metrics that take metric_type=total_value for one day (instagram-user/insights). */
const DAILY_TOTALS = 'reach,views,accounts_engaged,total_interactions,likes,comments,shares,saves,replies,reposts,profile_links_taps,follows_and_unfollows,profile_views';
const DEMOGRAPHICS = ['follower_demographics', 'engaged_audience_demographics'];
const BREAKDOWNS = ['age', 'gender', 'city', 'country'];
/** Current Page and Page-post metrics (Page insights updates, Nov 2025), without the retired `*_unique` family. */
const PAGE_METRICS = 'page_media_view,page_post_engagements,page_total_actions,page_follows,page_daily_follows,page_views_total,page_video_views';
const POST_METRICS = 'post_media_view,post_clicks,post_reactions_by_type_total';
/** Instagram Messaging details only the 20 most recent messages of a thread. */
const IG_DETAILED_MESSAGES = 20;

/** How the naive client reaches Meta (or the emulator) and which accounts it reads. */
export interface NaiveClientOptions {
  /** graph.facebook.com or a stand-in, without version. */
  baseUrl: string;
  /** A user or system-user token that lists the Pages. */
  token: string;
  /** IG user ids and Page ids to read; all discovered accounts when absent. */
  accounts?: ReadonlySet<string>;
  historyDays: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

/** What the naive client did and read. */
export interface NaiveResult {
  requests: number;
  /** Requests Meta answered with an error other than throttling (kept going). */
  failed: number;
  /** Time spent waiting for Meta's budget to come back. */
  waitedMs: number;
  read: { media: Set<string>; posts: Set<string>; comments: Set<string>; conversations: Set<string>; messages: Set<string> };
}

type Json = Record<string, unknown>;
type Params = Record<string, string>;

class NaiveGraph {
  requests = 0;
  failed = 0;
  waitedMs = 0;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: NaiveClientOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** One GET; null when Meta answered with an error (counted in `failed`). */
  async get(path: string, params: Params, token: string): Promise<Json | null> {
    const url = new URL(`${this.options.baseUrl}/${VERSION}/${path}`);
    for (const [k, v] of Object.entries({ ...params, access_token: token })) url.searchParams.set(k, v);
    return this.getUrl(url);
  }

  private async getUrl(url: URL): Promise<Json | null> {
    for (;;) {
      this.requests += 1;
      const res = await this.fetchImpl(url);
      const body = (await res.json()) as Json;
      const error = body.error as { code?: number } | undefined;
      const throttled = error !== undefined && THROTTLE_CODES.has(error.code ?? 0);
      const regainMs = Math.max(spentBudgetWaitMs(res.headers), throttled ? 60_000 : 0);
      if (regainMs > 0) {
        this.waitedMs += regainMs;
        await this.options.sleep(regainMs);
      }
      if (throttled) continue;
      if (error) {
        this.failed += 1;
        return null;
      }
      return body;
    }
  }

  /** Every item of a list, one request per page, following `paging.next`. */
  async list(path: string, params: Params, token: string): Promise<Json[]> {
    const items: Json[] = [];
    const seen = new Set<string>();
    let page = await this.get(path, params, token);
    while (page) {
      items.push(...((page.data as Json[] | undefined) ?? []));
      const next = (page.paging as Json | undefined)?.next;
      // A `next` already followed would loop forever: stop, as any client must.
      if (typeof next !== 'string' || seen.has(next)) break;
      seen.add(next);
      const rebased = new URL(next);
      page = await this.getUrl(new URL(`${this.options.baseUrl}${rebased.pathname}${rebased.search}`));
    }
    return items;
  }
}

/** How long Meta says to wait before the next call: its regain-access estimate once a budget is spent. */
function spentBudgetWaitMs(headers: Headers): number {
  let waitMs = 0;
  const app = headers.get('x-app-usage');
  if (app && Number((JSON.parse(app) as Json).call_count) >= 100) waitMs = 60_000;
  const buc = headers.get('x-business-use-case-usage');
  if (buc) {
    for (const entries of Object.values(JSON.parse(buc) as Record<string, Json[]>)) {
      for (const e of entries) waitMs = Math.max(waitMs, (Number(e.estimated_time_to_regain_access) || 0) * 60_000);
    }
  }
  return waitMs;
}

/** Reads every connected account the simple way; never throws for Meta's per-request errors. */
export async function runNaiveClient(options: NaiveClientOptions): Promise<NaiveResult> {
  const graph = new NaiveGraph(options);
  const read: NaiveResult['read'] = { media: new Set(), posts: new Set(), comments: new Set(), conversations: new Set(), messages: new Set() };
  const wanted = (id: string) => options.accounts === undefined || options.accounts.has(id);
  const pages = await graph.list('me/accounts', { fields: 'id,name,access_token,instagram_business_account' }, options.token);
  for (const page of pages) {
    const pageId = String(page.id);
    const token = typeof page.access_token === 'string' ? page.access_token : options.token;
    const ig = (page.instagram_business_account as Json | undefined)?.id;
    if (typeof ig === 'string' && wanted(ig)) await readInstagram(graph, options, ig, pageId, token, read);
    if (wanted(pageId)) await readPage(graph, options, pageId, token, read);
  }
  return { requests: graph.requests, failed: graph.failed, waitedMs: graph.waitedMs, read };
}

function days(options: NaiveClientOptions): number[] {
  const today = Math.floor(options.now() / DAY_MS) * DAY_MS;
  const out: number[] = [];
  for (let day = today - options.historyDays * DAY_MS; day < today; day += DAY_MS) out.push(day);
  return out;
}

async function readInstagram(graph: NaiveGraph, options: NaiveClientOptions, igId: string, pageId: string, token: string, read: NaiveResult['read']): Promise<void> {
  await graph.get(igId, { fields: 'username,name,followers_count,follows_count,media_count' }, token);
  const media = await graph.list(`${igId}/media`, { fields: 'id,caption,media_type,media_product_type,permalink,timestamp,like_count,comments_count' }, token);
  for (const m of media) {
    const id = String(m.id);
    read.media.add(id);
    await graph.get(`${id}/insights`, { metric: m.media_product_type === 'REELS' ? REELS_METRICS : FEED_METRICS }, token);
    for (const comment of await graph.list(`${id}/comments`, { fields: 'id,text,timestamp,username' }, token)) {
      read.comments.add(String(comment.id));
      for (const reply of await graph.list(`${String(comment.id)}/replies`, { fields: 'id,text,timestamp,username' }, token)) read.comments.add(String(reply.id));
    }
  }
  for (const day of days(options)) {
    const range = { since: String(day / 1000), until: String((day + DAY_MS) / 1000) };
    await graph.get(`${igId}/insights`, { metric: DAILY_TOTALS, metric_type: 'total_value', period: 'day', ...range }, token);
  }
  const today = Math.floor(options.now() / DAY_MS) * DAY_MS;
  await graph.get(`${igId}/insights`, { metric: 'follower_count', period: 'day', since: String((today - 30 * DAY_MS) / 1000), until: String(today / 1000) }, token);
  for (const metric of DEMOGRAPHICS) {
    for (const breakdown of BREAKDOWNS) {
      await graph.get(`${igId}/insights`, { metric, breakdown, period: 'lifetime', metric_type: 'total_value', timeframe: 'this_month' }, token);
    }
  }
  await readThreads(graph, pageId, 'instagram', token, read);
}

async function readPage(graph: NaiveGraph, options: NaiveClientOptions, pageId: string, token: string, read: NaiveResult['read']): Promise<void> {
  await graph.get(pageId, { fields: 'name,fan_count,followers_count' }, token);
  for (const post of await graph.list(`${pageId}/posts`, { fields: 'id,message,created_time,permalink_url,status_type' }, token)) {
    const id = String(post.id);
    read.posts.add(id);
    await graph.get(`${id}/insights`, { metric: POST_METRICS }, token);
    for (const comment of await graph.list(`${id}/comments`, { fields: 'id,message,created_time,from,comment_count' }, token)) {
      read.comments.add(String(comment.id));
      if (Number(comment.comment_count) > 0) {
        for (const reply of await graph.list(`${String(comment.id)}/comments`, { fields: 'id,message,created_time,from' }, token)) read.comments.add(String(reply.id));
      }
    }
  }
  const today = Math.floor(options.now() / DAY_MS) * DAY_MS;
  for (let since = today - options.historyDays * DAY_MS; since < today; since += 90 * DAY_MS) {
    const until = Math.min(today, since + 90 * DAY_MS);
    await graph.get(`${pageId}/insights`, { metric: PAGE_METRICS, period: 'day', since: String(since / 1000), until: String(until / 1000) }, token);
  }
  await readThreads(graph, pageId, 'messenger', token, read);
}

async function readThreads(graph: NaiveGraph, pageId: string, platform: 'instagram' | 'messenger', token: string, read: NaiveResult['read']): Promise<void> {
  for (const thread of await graph.list(`${pageId}/conversations`, { platform, fields: 'id,updated_time' }, token)) {
    const id = String(thread.id);
    read.conversations.add(id);
    const messages = await graph.list(`${id}/messages`, { fields: 'id,created_time' }, token);
    const detailed = platform === 'instagram' ? messages.slice(0, IG_DETAILED_MESSAGES) : messages;
    for (const message of detailed) {
      const body = await graph.get(String(message.id), { fields: 'id,created_time,from,to,message,attachments' }, token);
      if (body) read.messages.add(String(message.id));
    }
  }
}
