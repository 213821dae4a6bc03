/** `npm run bench:server`: only the server load section of `npm run bench` (it needs no build). */
import { fileURLToPath } from 'node:url';
import { measureServer } from './bench/server-load.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
try {
  console.log((await measureServer(root)).text);
} catch (error) {
  console.error(`\nserver: could not be measured — ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
