import { create } from 'zustand';
import type { CommentedPost, CommentQuery, CommentThread } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { idle, onStoreChanged, requestGate, type Loadable } from '../../lib/loadable';

export const COMMENT_PAGE = 30;
/** The most threads one listing call returns (the IPC schema's cap). */
const MAX_CALL = 500;

interface CommentsState extends Loadable<CommentThread[]> {
  query: Omit<CommentQuery, 'offset' | 'limit'>;
  total: number | null;
  loadingMore: boolean;
  posts: CommentedPost[];
  /** Whose comments are shown when filtered to one person (Analytics' engaged people). */
  personName: string | null;
  /** The caption of the post filtered to, when it was chosen from a thread or Analytics (it may not be among `posts`). */
  postLabel: string | null;
}

const initial = (): CommentsState => ({
  ...idle<CommentThread[]>(),
  query: { accountId: null, postId: null, unansweredOnly: false, unansweredFirst: false },
  total: null,
  loadingMore: false,
  posts: [],
  personName: null,
  postLabel: null,
});

/** The comments screen's store: threads newest first, per account and post, optionally unanswered only. */
export const useCommentsStore = create<CommentsState>()(initial);

const gate = requestGate();
const postsGate = requestGate();

/**
 * The first page for the current filters. A refetch (after an action, or when a sync stored new
 * comments) reads back as many threads as are shown, so the list keeps its length and the view
 * its scroll position.
 */
export async function loadComments(): Promise<void> {
  const { query, data } = useCommentsStore.getState();
  const isLatest = gate();
  const wanted = Math.max(COMMENT_PAGE, data?.length ?? 0);
  useCommentsStore.setState({ status: 'loading', error: null });
  const threads: CommentThread[] = [];
  let total = 0;
  do {
    const result = await call(() => getApi().comments.listThreads({ ...query, offset: threads.length, limit: Math.min(MAX_CALL, wanted - threads.length) }));
    if (!isLatest()) return;
    if (!result.ok) {
      useCommentsStore.setState({ status: 'error', error: result.error });
      return;
    }
    threads.push(...result.data.threads);
    total = result.data.total;
    if (result.data.threads.length === 0) break;
  } while (threads.length < Math.min(wanted, total));
  useCommentsStore.setState({ data: threads, total, status: 'ready' });
}

export async function loadMoreComments(): Promise<void> {
  const { query, data, total, loadingMore, status } = useCommentsStore.getState();
  // While a refetch runs, a page appended to the old list would be lost (or drop the refetch); wait for it.
  if (!data || loadingMore || status === 'loading' || total === null || data.length >= total) return;
  const isLatest = gate();
  useCommentsStore.setState({ loadingMore: true });
  const result = await call(() => getApi().comments.listThreads({ ...query, offset: data.length, limit: COMMENT_PAGE }));
  if (!isLatest()) return;
  useCommentsStore.setState(
    result.ok
      ? { data: [...data, ...result.data.threads], total: result.data.total, loadingMore: false }
      : { error: result.error, loadingMore: false },
  );
}

export async function loadCommentedPosts(): Promise<void> {
  const isLatest = postsGate();
  const result = await call(() => getApi().comments.listPosts({ accountId: useCommentsStore.getState().query.accountId }));
  if (isLatest() && result.ok) useCommentsStore.setState({ posts: result.data });
}

/** Shows only the threads one person started or replied in (opened from Analytics' engaged people). */
export function showCommentsBy(person: { id: number; accountId: number; name: string }): void {
  useCommentsStore.setState({ personName: person.name });
  setCommentQuery({ accountId: person.accountId, personId: person.id });
}

/** Shows one post's comments (from a thread's post line, or a post in Analytics). */
export function showCommentsOnPost(post: { id: number; accountId: number; caption: string }): void {
  useCommentsStore.setState({ postLabel: post.caption });
  setCommentQuery({ accountId: post.accountId, postId: post.id });
}

export function setCommentQuery(patch: Partial<CommentsState['query']>): void {
  const query = { ...useCommentsStore.getState().query, ...patch };
  if (patch.accountId !== undefined && patch.postId === undefined) query.postId = null;
  if (patch.personId === null) useCommentsStore.setState({ personName: null });
  if (query.postId === null) useCommentsStore.setState({ postLabel: null });
  useCommentsStore.setState({ query, data: null, total: null });
  void loadComments();
  if (patch.accountId !== undefined) void loadCommentedPosts();
}

/** Looking at the comments clears their part of the Inbox badge. */
export async function markCommentsSeen(): Promise<void> {
  await call(() => getApi().comments.markSeen(undefined));
}

export function initComments(): () => void {
  return onStoreChanged(['comments', 'posts'], () => {
    if (useCommentsStore.getState().status !== 'idle') {
      void loadComments();
      void loadCommentedPosts();
    }
  });
}

export function resetCommentsStore(): void {
  gate();
  postsGate();
  useCommentsStore.setState(initial(), true);
}
