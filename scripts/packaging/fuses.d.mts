// Types for fuses.mjs (it is plain JS so electron-builder can load it without a TS loader).
import type { FuseV1Config } from '@electron/fuses';

export declare const FUSE_CONFIG: FuseV1Config;
export declare function electronBinaryPath(target: { platform: string; appOutDir: string; productFilename: string; executableName?: string }): string;
