import type { InsightsStatus } from '../../../src-preload/contract';

/** Why Meta gives no insights for a post, in words (Meta's media insights reference, "Limitations"). */
const TEXT: Record<InsightsStatus, string> = {
  before_business_conversion: 'posted before the account became a professional account',
  unsupported_product_type: 'Meta gives no insights for this kind of post',
  no_permission: 'the connection lacks the insights permission',
  not_enough_viewers: 'too few viewers for Meta to report',
};

export function insightsStatusText(status: InsightsStatus | null): string | null {
  return status ? TEXT[status] : null;
}
