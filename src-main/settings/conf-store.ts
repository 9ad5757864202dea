import Conf from 'conf';
import { PRIVATE_FILE_MODE } from '../core/private-files';
import type { JsonStoreFactory } from './json-store';

/**
 * `conf` outside Electron (CLI, tests, benchmarks, the web preview bridge). Files are written
 * owner-only: conf's atomic write chmods to this mode, so the umask cannot widen it.
 */
export const openConfStore: JsonStoreFactory = (dir, name) =>
  new Conf<Record<string, unknown>>({ cwd: dir, configName: name, projectName: 'social-desk', clearInvalidConfig: false, configFileMode: PRIVATE_FILE_MODE });
