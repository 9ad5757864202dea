/** Instagram node schemas: IG user, media, carousel child, comment. */
import { nonexistingField, paramError } from '../core/errors';
import { newestFirst, oldestFirst } from '../core/paging';
import { followersAt } from '../world/growth';
import { commentCountAt, metricsAt } from '../world/metrics';
import { liveStories } from '../world/stories';
import { formatGraphTime } from '../world/time';
import type { Comment, Media } from '../world/types';
import { igAccountInsightsEdge } from './insights-ig-account';
import { mediaInsightsEdge } from './insights-media';
import { listEdge, timeWindow } from './list';
import type { Node } from './nodes';
import { igConversationsEdge } from './schema-messaging';
import { NodeLink, registerSchemas, renderNode, type GraphCtx } from './render';
import { signCdnUrl } from './cdn';

type IgUser = Extract<Node, { type: 'ig_user' }>;

const mediaNode = (media: Media): Node => ({ type: 'ig_media', media });

function commentNode(ctx: GraphCtx, c: Comment): Node {
  const media = ctx.world.media[c.targetId] as Media;
  return { type: 'ig_comment', comment: c, media };
}

function igHostOnly<T>(field: string, fn: (ctx: GraphCtx, n: IgUser) => T): (ctx: GraphCtx, n: IgUser) => T {
  return (ctx, n) => {
    if (ctx.host !== 'instagram') throw nonexistingField(field, 'IGUser');
    return fn(ctx, n);
  };
}

function usernameOf(ctx: GraphCtx, ownerId: string): string | undefined {
  return ctx.world.igAccounts.find((a) => a.id === ownerId)?.username;
}

registerSchemas({
  ig_user: {
    metaType: 'IGUser',
    id: (n) => n.account.id,
    defaults: ['id'],
    scalars: {
      // IG Login's `id` is app-scoped; `user_id` is the professional account id (= webhook entry.id).
      id: (ctx, n) => (ctx.host === 'instagram' ? n.account.igLoginScopedId : n.account.id),
      user_id: igHostOnly('user_id', (_ctx, n) => n.account.id),
      account_type: igHostOnly('account_type', () => 'BUSINESS'),
      ig_id: (_ctx, n) => Number(n.account.id.slice(5, 15)),
      username: (_ctx, n) => n.account.username,
      name: (_ctx, n) => n.account.name,
      biography: (_ctx, n) => n.account.biography,
      website: (_ctx, n) => n.account.website,
      profile_picture_url: (_ctx, n) => n.account.profilePictureUrl,
      followers_count: (ctx, n) => Math.round(followersAt(n.account, ctx.world.now)),
      follows_count: (_ctx, n) => n.account.followsCount,
      media_count: (_ctx, n) => n.account.mediaIds.length,
    },
    edges: {
      media: (ctx, n, req) => {
        const items = timeWindow(
          n.account.mediaIds.map((id) => ctx.world.media[id] as Media),
          req.params,
          (m) => m.timestamp,
        );
        return listEdge(ctx, req, items, (m) => [m.timestamp, m.id], newestFirst, mediaNode, 100);
      },
      insights: (ctx, n, req) => igAccountInsightsEdge(ctx, n.account, req),
      stories: (ctx, n, req) => listEdge(ctx, req, liveStories(ctx.world, n.account), (m) => [m.timestamp, m.id], newestFirst, mediaNode, 100),
      conversations: (ctx, n, req) => {
        if (ctx.host !== 'instagram') throw paramError('Instagram conversations are read through the linked Page: /{page-id}/conversations?platform=instagram');
        return igConversationsEdge(ctx, n.account.id, req);
      },
    },
  },
  ig_media: {
    metaType: 'IGMedia',
    id: (n) => n.media.id,
    defaults: ['id'],
    scalars: {
      caption: (_ctx, n) => n.media.caption || undefined,
      media_type: (_ctx, n) => n.media.mediaType,
      media_product_type: (_ctx, n) => n.media.productType,
      media_url: (ctx, n) => signCdnUrl(ctx.state, n.media.mediaUrl),
      thumbnail_url: (ctx, n) => signCdnUrl(ctx.state, n.media.thumbnailUrl),
      permalink: (_ctx, n) => n.media.permalink,
      shortcode: (_ctx, n) => n.media.shortcode || undefined,
      timestamp: (_ctx, n) => formatGraphTime(n.media.timestamp),
      // Stories have neither likes nor comments.
      like_count: (ctx, n) => (n.media.productType === 'STORY' ? undefined : (metricsAt(ctx.world, n.media.id, ctx.world.now)?.likes ?? 0)),
      comments_count: (ctx, n) => (n.media.productType === 'STORY' ? undefined : commentCountAt(ctx.world, n.media.commentIds, ctx.world.now)),
      is_comment_enabled: (_ctx, n) => n.media.isCommentEnabled,
      is_shared_to_feed: (_ctx, n) => (n.media.productType === 'REELS' ? true : undefined),
      owner: (_ctx, n) => ({ id: n.media.ownerId }),
      username: (ctx, n) => usernameOf(ctx, n.media.ownerId),
    },
    edges: {
      children: (ctx, n, req) => ({
        data: n.media.children.map((child) => renderNode(ctx, { type: 'ig_child', child, parent: n.media }, req.fields)),
      }),
      comments: (ctx, n, req) => {
        // Stored oldest first but listed newest first: paging needs the list in display order, or
        // an `after` cursor points back into pages already read and the walk never ends.
        const items = n.media.commentIds.map((id) => ctx.world.comments[id] as Comment).reverse();
        return listEdge(ctx, req, items, (c) => [c.timestamp, c.id], newestFirst, (c) => commentNode(ctx, c), 100);
      },
      insights: (ctx, n, req) => mediaInsightsEdge(ctx, n.media, req),
    },
  },
  ig_child: {
    metaType: 'IGMedia',
    id: (n) => n.child.id,
    defaults: ['id'],
    scalars: {
      media_type: (_ctx, n) => n.child.mediaType,
      media_url: (ctx, n) => signCdnUrl(ctx.state, n.child.mediaUrl),
      permalink: (_ctx, n) => n.parent.permalink,
      timestamp: (_ctx, n) => formatGraphTime(n.parent.timestamp),
      username: (ctx, n) => usernameOf(ctx, n.parent.ownerId),
      owner: (_ctx, n) => ({ id: n.parent.ownerId }),
    },
    edges: {
      insights: () => {
        throw paramError('Insights are not available for carousel children media');
      },
    },
  },
  ig_comment: {
    metaType: 'IGComment',
    id: (n) => n.comment.id,
    defaults: ['timestamp', 'text', 'id'],
    scalars: {
      text: (_ctx, n) => n.comment.text,
      timestamp: (_ctx, n) => formatGraphTime(n.comment.timestamp),
      username: (_ctx, n) => n.comment.username,
      from: (_ctx, n) => ({ id: n.comment.fromId, username: n.comment.username }),
      like_count: (_ctx, n) => n.comment.likeCount,
      hidden: (_ctx, n) => n.comment.hidden,
      parent_id: (_ctx, n) => n.comment.parentId,
      media: (_ctx, n) => new NodeLink({ type: 'ig_media', media: n.media }),
    },
    edges: {
      replies: (ctx, n, req) => {
        const items = n.comment.replyIds.map((id) => ctx.world.comments[id] as Comment);
        return listEdge(ctx, req, items, (c) => [c.timestamp, c.id], oldestFirst, (c) => commentNode(ctx, c), 100);
      },
    },
  },
});

/** Schemas register on import; this export keeps the import explicit for bundlers. */
export const IG_SCHEMAS_READY = true;
