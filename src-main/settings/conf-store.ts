import Conf from 'conf';
import type { JsonStoreFactory } from './json-store';

/** `conf` outside Electron (CLI, tests, benchmarks, the web preview bridge). */
export const openConfStore: JsonStoreFactory = (dir, name) =>
  new Conf<Record<string, unknown>>({ cwd: dir, configName: name, projectName: 'social-desk', clearInvalidConfig: false });
