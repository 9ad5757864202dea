import type { GraphHost } from '../meta/graph-paging';
import { nextAsRequest, parseMetaTime } from './graph-helpers';
import type { SyncContext } from './context';

/** Comment fields for Instagram (`from{id,username}`) and Facebook (`from{id,name}`) edges. */
export const IG_COMMENT_FIELDS = 'id,text,timestamp,username,from{id,username},like_count,hidden,parent_id';
export const FB_COMMENT_FIELDS = 'id,message,created_time,from{id,name},like_count,is_hidden,parent{id}';

/** A comment as Meta's Instagram and Facebook comment edges return it. */
export interface RawComment {
  id: string;
  text?: string;
  message?: string;
  timestamp?: string;
  created_time?: string;
  username?: string;
  from?: { id?: string; username?: string; name?: string };
  like_count?: number;
  hidden?: boolean;
  is_hidden?: boolean;
  parent_id?: string;
  parent?: { id?: string };
  /** Instagram nests replies as `replies`, Facebook as a `comments` edge on the comment. */
  replies?: { data?: RawComment[] };
  comments?: { data?: RawComment[] };
}

export interface CommentEdge {
  data?: RawComment[];
  paging?: { next?: string };
}

/** Stores one page of comments (and their nested replies) of a post, with their authors. */
export function storeComments(ctx: SyncContext, accountId: number, postId: number, comments: readonly RawComment[], network: 'instagram' | 'facebook', parentId: string | null = null): void {
  const now = ctx.now();
  for (const c of comments) {
    const createdAt = parseMetaTime(c.timestamp ?? c.created_time) ?? now;
    const authorId = c.from?.id;
    const personId = authorId
      ? ctx.repos.inbox.upsertPerson(
          accountId,
          { idKind: network === 'instagram' ? 'ig_user' : 'fb_user', externalId: authorId, username: c.from?.username ?? c.username ?? null, name: c.from?.name ?? null },
          createdAt,
        )
      : null;
    ctx.repos.comments.upsert(
      accountId,
      postId,
      {
        externalId: c.id,
        parentExternalId: c.parent_id ?? c.parent?.id ?? parentId,
        personId,
        authorUsername: c.username ?? c.from?.username ?? c.from?.name ?? null,
        text: c.text ?? c.message ?? null,
        createdAt,
        likeCount: c.like_count ?? null,
        hidden: Boolean(c.hidden ?? c.is_hidden),
      },
      now,
    );
    ctx.written.count += 1;
    const replies = c.replies?.data ?? c.comments?.data;
    if (replies) storeComments(ctx, accountId, postId, replies, network, c.id);
  }
}

/** Stores a nested comments edge and follows its `paging.next` to the end. */
export async function storeCommentEdge(
  ctx: SyncContext,
  target: { accountId: number; token: string; host: GraphHost },
  postId: number,
  edge: CommentEdge | undefined,
  network: 'instagram' | 'facebook',
): Promise<void> {
  if (!edge?.data) return;
  ctx.repos.db.transaction(() => storeComments(ctx, target.accountId, postId, edge.data ?? [], network))();
  if (!edge.paging?.next) return;
  const next = nextAsRequest(edge.paging.next, ctx.client.config, target.host);
  for await (const page of ctx.client.paginate<RawComment>(next.path, {
    host: next.host,
    token: target.token,
    params: next.params,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  })) {
    ctx.repos.db.transaction(() => storeComments(ctx, target.accountId, postId, page.data, network))();
  }
}
