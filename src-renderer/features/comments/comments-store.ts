import { create } from 'zustand';
import type { CommentedPost, CommentQuery, CommentThread } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { idle, onStoreChanged, requestGate, type Loadable } from '../../lib/loadable';

export const COMMENT_PAGE = 30;

interface CommentsState extends Loadable<CommentThread[]> {
  query: Omit<CommentQuery, 'offset' | 'limit'>;
  total: number | null;
  loadingMore: boolean;
  posts: CommentedPost[];
  /** Whose comments are shown when filtered to one person (Analytics' engaged people). */
  personName: string | null;
}

const initial = (): CommentsState => ({
  ...idle<CommentThread[]>(),
  query: { accountId: null, postId: null, unansweredOnly: false },
  total: null,
  loadingMore: false,
  posts: [],
  personName: null,
});

/** The comments screen's store: threads newest first, per account and post, optionally unanswered only. */
export const useCommentsStore = create<CommentsState>()(initial);

const gate = requestGate();
const postsGate = requestGate();

/** The first page for the current filters; a refetch keeps as many threads as were shown. */
export async function loadComments(): Promise<void> {
  const { query, data } = useCommentsStore.getState();
  const isLatest = gate();
  const limit = Math.min(500, Math.max(COMMENT_PAGE, data?.length ?? 0));
  useCommentsStore.setState({ status: 'loading', error: null });
  const result = await call(() => getApi().comments.listThreads({ ...query, offset: 0, limit }));
  if (!isLatest()) return;
  useCommentsStore.setState(
    result.ok ? { data: result.data.threads, total: result.data.total, status: 'ready' } : { status: 'error', error: result.error },
  );
}

export async function loadMoreComments(): Promise<void> {
  const { query, data, total, loadingMore } = useCommentsStore.getState();
  if (!data || loadingMore || total === null || data.length >= total) return;
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

export function setCommentQuery(patch: Partial<CommentsState['query']>): void {
  const query = { ...useCommentsStore.getState().query, ...patch };
  if (patch.accountId !== undefined) query.postId = null;
  if (patch.personId === null) useCommentsStore.setState({ personName: null });
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
