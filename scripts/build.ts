// Builds each entry of src/ into its own self-contained dist/<name>.js (see vite.config.ts), then the
// unbundled library (lit external) with its types, and the custom-elements manifest.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'vite';

rmSync('dist', { recursive: true, force: true });
const entries = readdirSync('src')
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  .map((file) => file.replace(/\.ts$/, ''));
for (const entry of entries) {
  process.env.NW_ENTRY = entry;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
const run = (command: string, args: string[]) => execFileSync('npx', [command, ...args], { stdio: 'inherit' });
run('tsc', ['-p', 'tsconfig.lib.json']);
run('cem', ['analyze', '--quiet']);
