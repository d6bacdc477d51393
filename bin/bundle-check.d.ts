/** Types of bundle-check.js (plain JavaScript: bin/ runs before any loader). */
export declare const BUNDLE_NAME: string;
/** Whether the start-up bundle may run: it exists and is at least as new as every other file under `src`. */
export declare function bundleIsCurrent(src: URL, env?: NodeJS.ProcessEnv): boolean;
