import type { GraphHost } from '../meta/graph-paging';
import type { RawEdge } from '../meta/media-parsers';
import { parseComment, type Comment } from '../meta/resource-parsers';
import { nextAsRequest } from './graph-helpers';
import type { SyncContext } from './context';

/** Comment fields for Instagram (`from{id,username}`) and Facebook (`from{id,name}`) edges. */
export const IG_COMMENT_FIELDS = 'id,text,timestamp,username,from{id,username},like_count,hidden,parent_id';
export const FB_COMMENT_FIELDS = 'id,message,created_time,from{id,name},like_count,is_hidden,parent{id}';

/** Stores comments of a post (and their nested replies) with their authors. */
export function storeComments(ctx: SyncContext, accountId: number, postId: number, comments: readonly Comment[], network: 'instagram' | 'facebook', parentId: string | null = null): void {
  const now = ctx.now();
  for (const c of comments) {
    const createdAt = c.createdAtMs ?? now;
    const personId = c.authorId
      ? ctx.repos.inbox.upsertPerson(
          accountId,
          { idKind: network === 'instagram' ? 'ig_user' : 'fb_user', externalId: c.authorId, username: c.authorUsername ?? null, name: c.authorName ?? null },
          createdAt,
        )
      : null;
    ctx.repos.comments.upsert(
      accountId,
      postId,
      {
        externalId: c.id,
        parentExternalId: c.parentId ?? parentId,
        personId,
        authorUsername: c.authorUsername ?? c.authorName ?? null,
        text: c.text ?? null,
        createdAt,
        likeCount: c.likeCount ?? null,
        hidden: Boolean(c.hidden),
      },
      now,
    );
    ctx.written.count += 1;
    if (c.replies.length > 0) storeComments(ctx, accountId, postId, c.replies, network, c.id);
  }
}

/** Stores a comments edge (nested in a listing or read on its own) and follows its `paging.next` to the end. */
export async function storeCommentEdge(
  ctx: SyncContext,
  target: { accountId: number; token: string; host: GraphHost },
  postId: number,
  edge: RawEdge | undefined,
  network: 'instagram' | 'facebook',
): Promise<void> {
  if (!edge) return;
  ctx.repos.db.transaction(() => storeComments(ctx, target.accountId, postId, edge.data.map(parseComment), network))();
  if (!edge.next) return;
  const next = nextAsRequest(edge.next, ctx.client.config, target.host);
  for await (const page of ctx.client.paginate<unknown>(next.path, {
    host: next.host,
    token: target.token,
    params: next.params,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  })) {
    ctx.repos.db.transaction(() => storeComments(ctx, target.accountId, postId, page.data.map(parseComment), network))();
  }
}
