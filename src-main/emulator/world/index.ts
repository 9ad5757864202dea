/** Public surface of the emulator world. */
export { createWorld, DEFAULT_SEED, type CreateWorldOptions } from './create-world';
export { advance } from './advance';
export { metricsAt, mediaMetricsAt, postMetricsAt, type MediaMetrics } from './metrics';
export { followersAt, fansAt } from './growth';
export { igDay, pageDay, onlineFollowers, type IgDay, type PageDay } from './daily-insights';
export { formatGraphTime } from './time';
export * from './types';
