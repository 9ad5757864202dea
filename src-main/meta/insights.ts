/**
 * Parsing of insights responses (IG media/account, Page, Page post). Two value shapes exist
 * (meta-api.md §2.4): `values[{value,end_time}]` time series and `total_value{value, breakdowns}`;
 * a datum may carry both (story `navigation`). A missing metric means "unavailable", never 0.
 */
import { z } from 'zod';
import { MalformedResponseError } from './errors';
import { pagingSchema } from './graph-paging';
import { asArray, asRecord, toEpochMs } from './json-access';

const insightValueSchema = z.looseObject({
  value: z.union([z.number(), z.record(z.string(), z.number()), z.null()]).optional(),
  end_time: z.string().optional(),
});

const breakdownSchema = z.looseObject({
  dimension_keys: z.array(z.string()).default([]),
  results: z
    .array(z.looseObject({ dimension_values: z.array(z.string()).default([]), value: z.number() }))
    .default([]),
});

/** Schema of one `data[]` element of an insights response. */
export const insightDatumSchema = z.looseObject({
  name: z.string(),
  period: z.string().default('lifetime'),
  values: z.array(insightValueSchema).default([]),
  total_value: z.looseObject({ value: z.number().optional(), breakdowns: z.array(breakdownSchema).default([]) }).optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  id: z.string().optional(),
});

/** One breakdown of a total value, e.g. by `story_navigation_action_type`. */
export interface InsightBreakdown {
  dimensionKeys: string[];
  results: { dimensionValues: string[]; value: number }[];
}

/** One metric for one period, normalised. */
export interface InsightMetric {
  name: string;
  period: string;
  title?: string;
  description?: string;
  id?: string;
  /** Time series points; `value` may be a map for per-country/per-type metrics. */
  values: { value: number | Record<string, number> | null; endTimeMs?: number }[];
  /** `total_value.value` when present (metric_type=total_value or lifetime media metrics). */
  total?: number;
  breakdowns: InsightBreakdown[];
}

/** Parsed insights response plus its paging (Page insights page by time). */
export interface InsightsResult {
  metrics: InsightMetric[];
  paging?: z.infer<typeof pagingSchema>;
}

function normalise(datum: z.infer<typeof insightDatumSchema>): InsightMetric {
  const metric: InsightMetric = {
    name: datum.name,
    period: datum.period,
    values: datum.values.map((v) => {
      const endTimeMs = toEpochMs(v.end_time);
      return { value: v.value ?? null, ...(endTimeMs !== undefined ? { endTimeMs } : {}) };
    }),
    breakdowns: (datum.total_value?.breakdowns ?? []).map((b) => ({
      dimensionKeys: b.dimension_keys,
      results: b.results.map((r) => ({ dimensionValues: r.dimension_values, value: r.value })),
    })),
  };
  if (datum.title !== undefined) metric.title = datum.title;
  if (datum.description !== undefined) metric.description = datum.description;
  if (datum.id !== undefined) metric.id = datum.id;
  if (datum.total_value?.value !== undefined) metric.total = datum.total_value.value;
  return metric;
}

/**
 * Parses an insights response: `{data:[…], paging}`, a field-expanded `{insights:{data}}` parent
 * object, a bare array, or a single datum.
 */
export function parseInsightsResponse(body: unknown): InsightsResult {
  const root = asRecord(body);
  const container = asRecord(root?.insights) ?? root;
  const rawData = Array.isArray(body) ? body : container && Array.isArray(container.data) ? container.data : root?.name !== undefined ? [root] : undefined;
  if (rawData === undefined) throw new MalformedResponseError('Not an insights response', 200, '', false);
  const metrics = asArray(rawData).map((d, i) => {
    const parsed = insightDatumSchema.safeParse(d);
    if (!parsed.success) throw new MalformedResponseError(`Insights datum ${i} has an unexpected shape`, 200, '', false);
    return normalise(parsed.data);
  });
  const paging = pagingSchema.safeParse(container?.paging);
  return paging.success && container?.paging !== undefined ? { metrics, paging: paging.data } : { metrics };
}

/** Single-number view of a metric: its total, else the latest time-series value when numeric. */
export function metricValue(metric: InsightMetric): number | undefined {
  if (metric.total !== undefined) return metric.total;
  const last = metric.values.at(-1)?.value;
  return typeof last === 'number' ? last : undefined;
}
