// Types for package-contents.mjs.
export declare const RUNTIME_DEPENDENCIES: string[];
export declare const RENDERER_BUNDLED: string[];
export interface LockFile {
  packages: Record<string, { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; peerDependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }> }>;
}
export declare function runtimePackages(lock: LockFile): Set<string>;
export declare function asarProblems(entries: string[], unpacked: Set<string>, allowedPackages: Set<string>): string[];
