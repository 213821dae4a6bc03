/** The package version, kept equal to package.json's by a test; `define()` compares it across copies. */
export const VERSION = '0.1.0';
