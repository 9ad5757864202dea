/** Titles/descriptions Meta attaches to insights data, plus shared insights helpers. */
import { GraphError } from '../core/errors';
import type { GraphCtx } from './render';

const TITLES: Record<string, [string, string]> = {
  views: ['Views', 'The number of times your content was played or displayed.'],
  reach: ['Accounts reached', 'The number of unique accounts that have seen your content, at least once.'],
  likes: ['Likes', 'The number of likes on your posts, reels and videos.'],
  comments: ['Comments', 'The number of comments on your posts, reels, videos and live videos.'],
  saved: ['Saves', 'The number of saves of your post, reel or video.'],
  saves: ['Saves', 'The number of saves of your posts, reels and videos.'],
  shares: ['Shares', 'The number of shares of your posts, stories, reels, videos and live videos.'],
  reposts: ['Reposts', 'The number of times your content was reposted.'],
  replies: ['Replies', 'The number of replies you received from your story.'],
  total_interactions: ['Content interactions', 'The number of likes, saves, comments and shares on your content, minus the number of unlikes, unsaves and deleted comments.'],
  follows: ['Follows', 'The number of accounts that followed you from this content.'],
  profile_visits: ['Profile visits', 'The number of times your profile was visited from this content.'],
  profile_activity: ['Profile activity', 'The number of actions people take when they visit your profile after engaging with your post.'],
  navigation: ['Navigation', 'The total number of actions taken from your story.'],
  ig_reels_avg_watch_time: ['Average watch time', 'The average amount of time spent playing the reel (ms).'],
  ig_reels_video_view_total_time: ['Watch time', 'The total amount of time the reel was played, including replays (ms).'],
  reels_skip_rate: ['Skip rate', 'The share of views in which the reel was skipped within the first seconds.'],
  total_likes: ['Total likes', 'Likes including those on ads.'],
  total_comments: ['Total comments', 'Comments including those on ads.'],
  total_views: ['Total views', 'Views including those on ads.'],
  accounts_engaged: ['Accounts engaged', 'The number of accounts that have interacted with your content, including in ads.'],
  profile_views: ['Profile views', 'The number of times your profile was visited.'],
  profile_links_taps: ['Profile links taps', 'The number of taps on your business address, call button, email button and text button.'],
  follows_and_unfollows: ['Follows and unfollows', 'The number of accounts that followed you and the number of accounts that unfollowed you or left Instagram in the selected time period.'],
  follower_count: ['Follower count', 'Total number of new followers each day within the specified range.'],
  online_followers: ['Online followers', 'Total number of your followers who were online during the specified range, by hour.'],
  follower_demographics: ['Follower demographics', 'The demographic characteristics of followers.'],
  engaged_audience_demographics: ['Engaged audience demographics', 'The demographic characteristics of the engaged audience.'],
  reached_audience_demographics: ['Reached audience demographics', 'The demographic characteristics of the reached audience.'],
};

/** Title and description for a metric name. */
export function describe(name: string): { title: string; description: string } {
  const t = TITLES[name];
  if (t) return { title: t[0], description: t[1] };
  const title = name.replace(/^(page|post)_/, '').replace(/_/g, ' ');
  return { title: title.charAt(0).toUpperCase() + title.slice(1), description: `${title.charAt(0).toUpperCase() + title.slice(1)}.` };
}

/** Splits a `metric` parameter into names (comma list; Meta also accepts a JSON array). */
export function metricList(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  const trimmed = raw.trim();
  if (trimmed.startsWith('[')) {
    try {
      const arr = JSON.parse(trimmed) as unknown;
      if (Array.isArray(arr)) return arr.map(String);
    } catch {
      // fall through to the comma form
    }
  }
  return trimmed.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Page-level insights need a Page (or system user) token, like Meta. */
export function requirePageToken(ctx: GraphCtx): void {
  if (ctx.token.kind === 'page' || ctx.token.kind === 'system_user') return;
  throw new GraphError(400, 190, '(#190) This method must be called with a Page Access Token', 'OAuthException');
}
