// Types for package-contents.mjs.
export declare function asarProblems(entries: string[], unpacked: Set<string>): string[];
