/** Types of what TypeScript code (the build, the e2e tests) takes from sourcemap.mjs. */
export declare function packagesIn(mapFile: string): string[];
