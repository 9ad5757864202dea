import type { PostSummary } from '../../../src-preload/contract';
import { getApi } from '../../api';
import { call } from '../../lib/call';
import { formatDate, formatFullNumber, formatNumber } from '../../lib/format';

const NUMBER_COLUMNS = [
  { key: 'views', label: 'Views' },
  { key: 'reach', label: 'Reach' },
  { key: 'likes', label: 'Likes' },
  { key: 'comments', label: 'Comments' },
  { key: 'saves', label: 'Saves' },
] as const;

function postKind(post: PostSummary): string {
  const kind = post.productType === 'REELS' ? 'Reel' : (post.mediaType ?? 'Post');
  return kind.charAt(0) + kind.slice(1).toLowerCase().replace(/_/g, ' ');
}

export function TopPostsTable({ posts }: { posts: PostSummary[] }) {
  if (posts.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="top-posts-title">
      <div className="panel__header">
        <h2 id="top-posts-title">Top posts</h2>
      </div>
      <div className="table-scroll">
        <table className="table" data-table="top-posts">
          <thead>
            <tr>
              <th scope="col">Post</th>
              <th scope="col">Published</th>
              {NUMBER_COLUMNS.map((column) => (
                <th scope="col" className="num" key={column.key}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {posts.map((post) => (
              <tr key={post.id} data-post-id={post.id}>
                <td className="table__caption">
                  <span className="badge">{postKind(post)}</span>
                  <span className="clamp">{post.caption || 'No caption'}</span>
                  {post.permalink && (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => void call(() => getApi().shell.openExternal({ url: post.permalink ?? '' }))}
                    >
                      Open on {post.network === 'facebook' ? 'Facebook' : 'Instagram'}
                    </button>
                  )}
                </td>
                <td>{formatDate(post.publishedAt)}</td>
                {NUMBER_COLUMNS.map((column) => (
                  <td className="num" key={column.key} title={formatFullNumber(post[column.key])}>
                    {formatNumber(post[column.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
