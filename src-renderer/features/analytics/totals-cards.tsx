import type { AnalyticsOverview } from '../../../src-preload/contract';
import { formatFullNumber, formatNumber } from '../../lib/format';

const CARDS = [
  { key: 'reach', label: 'Reach', hint: 'Accounts that saw your content' },
  { key: 'views', label: 'Views', hint: 'Times your content was shown' },
  { key: 'interactions', label: 'Interactions', hint: 'Likes, comments, shares and saves' },
  { key: 'posts', label: 'Posts', hint: 'Published in this period' },
] as const;

export function TotalsCards({ totals }: { totals: AnalyticsOverview['totals'] }) {
  return (
    <dl className="totals" aria-label="Totals for this period">
      {CARDS.map((card) => (
        <div className="totals__card" key={card.key} data-total={card.key}>
          <dt className="totals__label">{card.label}</dt>
          <dd className="totals__value" title={formatFullNumber(totals[card.key])}>
            {formatNumber(totals[card.key])}
          </dd>
          <dd className="totals__hint">{card.hint}</dd>
        </div>
      ))}
    </dl>
  );
}
