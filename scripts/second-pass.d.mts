import type { MinifyOutput, SourceMapOptions } from 'terser';

export declare function secondPass(code: string, sourceMap?: SourceMapOptions): Promise<MinifyOutput>;
