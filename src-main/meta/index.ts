/**
 * Public surface of the Meta client: import from here rather than from individual files when a
 * caller needs more than one piece.
 */
export * from './config';
export * from './errors';
export { classifyGraphError, identifyRejectedMetrics, isErrorBody, parseGraphError, parseRetiredMetricMessage } from './error-parse';
export { GraphClient } from './graph-client';
export type { GraphClientOptions, GraphClientStats, GraphRequestOptions, PaginateOptions, ResponseInfo } from './graph-client-types';
export { MAX_BATCH_SIZE, chunkBatch, decodeBatchItem, encodeBatch, type BatchItemResult, type BatchRequest } from './graph-batch';
export { pageIdentity, rebaseNextUrl, type GraphHost, type GraphPage } from './graph-paging';
export type { FetchLike, ParamValue } from './http-transport';
export * from './insights';
export * from './metric-catalogue';
export * from './oauth';
export { APP_KEY, RateGovernor, businessKey, defaultSleep, usageKeysFor, type RateGovernorOptions, type UsageSnapshotEntry } from './rate-governor';
export { redactSecrets, redactUrl } from './redact';
export * from './resource-parsers';
export {
  getHeader,
  parseAdAccountUsage,
  parseAppUsage,
  parseBusinessUseCaseUsage,
  parseUsageHeaders,
  regainAccessMs,
  usagePercent,
  type AdAccountUsage,
  type AppUsage,
  type BusinessUseCaseUsage,
  type HeaderSource,
  type UsageReport,
} from './usage';
export * from './webhooks';
