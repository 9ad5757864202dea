/** Facebook node schemas: user/system user, business, Page, Page post, Page comment. */
import { oldestFirst, newestFirst } from '../core/paging';
import { fansAt } from '../world/growth';
import { commentCountAt, postMetricsAt } from '../world/metrics';
import { formatGraphTime } from '../world/time';
import type { Comment, Page, PagePost } from '../world/types';
import { pageInsightsEdge } from './insights-page';
import { postInsightsEdge } from './insights-media';
import { listEdge, timeWindow } from './list';
import type { Node } from './nodes';
import { NodeLink, registerSchemas, type EdgeFn, type EdgeRequest, type GraphCtx } from './render';
import { pageConversationsEdge } from './schema-messaging';
import { signCdnUrl } from './cdn';

type UserNode = Extract<Node, { type: 'user' | 'system_user' }>;
const PAGE_TASKS = ['ADVERTISE', 'ANALYZE', 'CREATE_CONTENT', 'MESSAGING', 'MODERATE', 'MANAGE'];

const accountsEdge: EdgeFn<UserNode> = (ctx, _n, req) => {
  const pages = ctx.world.pages.map((page, i) => ({ page, i }));
  return listEdge(ctx, req, pages, (x) => [x.i, x.page.id], oldestFirst, (x) => ({ type: 'page', page: x.page }), 100);
};

const permissionsEdge: EdgeFn<UserNode> = (ctx) => ({
  data: ctx.token.scopes.map((permission) => ({ permission, status: 'granted' })),
});

function postsEdge(ctx: GraphCtx, page: Page, req: EdgeRequest): unknown {
  const items = timeWindow(page.postIds.map((id) => ctx.world.posts[id] as PagePost), req.params, (p) => p.createdTime);
  return listEdge(ctx, req, items, (p) => [p.createdTime, p.id], newestFirst, (post) => ({ type: 'post', post }), 100);
}

/** `comments` edge of posts and comments; `summary(true)` adds Meta's summary object. */
function commentsEdge(ctx: GraphCtx, ids: readonly string[], post: PagePost, req: EdgeRequest): unknown {
  const items = ids.map((id) => ctx.world.comments[id] as Comment);
  const result: Record<string, unknown> = listEdge(ctx, req, items, (c) => [c.timestamp, c.id], oldestFirst, (comment) => ({ type: 'fb_comment', comment, post }), 100);
  if (req.params.limit === '0') result.data = [];
  if (req.params.summary !== undefined && req.params.summary !== 'false') {
    result.summary = { order: 'chronological', total_count: items.length, can_comment: true };
  }
  return result;
}

const userSchema = {
  metaType: 'User',
  id: (n: UserNode) => n.id,
  defaults: ['name', 'id'],
  scalars: { name: (_ctx: GraphCtx, n: UserNode) => n.name },
  edges: { accounts: accountsEdge, permissions: permissionsEdge },
};

registerSchemas({
  user: userSchema,
  system_user: userSchema,
  business: {
    metaType: 'Business',
    id: (n) => n.id,
    defaults: ['id', 'name'],
    scalars: { name: (_ctx, n) => n.name },
    edges: {
      owned_pages: (ctx, _n, req) => accountsEdge(ctx, { type: 'system_user', id: '', name: '' }, req),
    },
  },
  page: {
    metaType: 'Page',
    id: (n) => n.page.id,
    defaults: ['name', 'id'],
    scalars: {
      name: (_ctx, n) => n.page.name,
      category: (_ctx, n) => n.page.category,
      about: (_ctx, n) => n.page.about,
      link: (_ctx, n) => n.page.link,
      fan_count: (ctx, n) => Math.round(fansAt(n.page, ctx.world.now)),
      // Followers include people who follow without liking, so slightly above fan_count.
      followers_count: (ctx, n) => Math.round(fansAt(n.page, ctx.world.now) * 1.06),
      instagram_business_account: (ctx, n) => linkedIg(ctx, n.page),
      connected_instagram_account: (ctx, n) => linkedIg(ctx, n.page),
      access_token: (ctx, n) =>
        ctx.token.kind === 'app' ? undefined : ctx.world.tokens.find((t) => t.kind === 'page' && t.subjectId === n.page.id && !t.revoked)?.token,
      tasks: () => PAGE_TASKS,
    },
    edges: {
      posts: (ctx, n, req) => postsEdge(ctx, n.page, req),
      feed: (ctx, n, req) => postsEdge(ctx, n.page, req),
      published_posts: (ctx, n, req) => postsEdge(ctx, n.page, req),
      insights: (ctx, n, req) => pageInsightsEdge(ctx, n.page, req),
      conversations: (ctx, n, req) => pageConversationsEdge(ctx, n.page, req),
    },
  },
  post: {
    metaType: 'Post',
    id: (n) => n.post.id,
    defaults: ['created_time', 'message', 'id'],
    scalars: {
      message: (_ctx, n) => n.post.message,
      created_time: (_ctx, n) => formatGraphTime(n.post.createdTime),
      updated_time: (_ctx, n) => formatGraphTime(n.post.createdTime),
      permalink_url: (_ctx, n) => n.post.permalinkUrl,
      full_picture: (ctx, n) => signCdnUrl(ctx.state, n.post.fullPicture),
      status_type: (_ctx, n) => n.post.statusType,
      is_published: () => true,
      from: (ctx, n) => ({ name: ctx.world.pages.find((p) => p.id === n.post.pageId)?.name, id: n.post.pageId }),
      shares: (ctx, n) => {
        const clicks = postMetricsAt(ctx.world, n.post, ctx.world.now).post_clicks as number;
        const count = Math.round(clicks * 0.15);
        return count > 0 ? { count } : undefined;
      },
    },
    edges: {
      insights: (ctx, n, req) => postInsightsEdge(ctx, n.post, req),
      comments: (ctx, n, req) => commentsEdge(ctx, n.post.commentIds, n.post, req),
      reactions: (ctx, n, req) => {
        const byType = postMetricsAt(ctx.world, n.post, ctx.world.now).post_reactions_by_type_total as Record<string, number>;
        const total = Object.values(byType).reduce((a, b) => a + b, 0);
        const out: Record<string, unknown> = { data: [] };
        if (req.params.summary !== undefined && req.params.summary !== 'false') out.summary = { total_count: total, viewer_reaction: 'NONE' };
        return out;
      },
    },
  },
  fb_comment: {
    metaType: 'Comment',
    id: (n) => n.comment.id,
    defaults: ['created_time', 'from', 'message', 'id'],
    scalars: {
      message: (_ctx, n) => n.comment.text,
      created_time: (_ctx, n) => formatGraphTime(n.comment.timestamp),
      from: (_ctx, n) => ({ name: n.comment.fromName, id: n.comment.fromId }),
      like_count: (_ctx, n) => n.comment.likeCount,
      comment_count: (ctx, n) => commentCountAt(ctx.world, n.comment.replyIds, ctx.world.now),
      is_hidden: (_ctx, n) => n.comment.hidden,
      parent: (_ctx, n) => (n.comment.parentId ? { id: n.comment.parentId } : undefined),
    },
    edges: {
      comments: (ctx, n, req) => commentsEdge(ctx, n.comment.replyIds, n.post, req),
    },
  },
});

function linkedIg(ctx: GraphCtx, page: Page): NodeLink | undefined {
  const account = ctx.world.igAccounts.find((a) => a.id === page.igAccountId);
  return account ? new NodeLink({ type: 'ig_user', account }) : undefined;
}

/** Schemas register on import; this export keeps the import explicit for bundlers. */
export const FB_SCHEMAS_READY = true;
