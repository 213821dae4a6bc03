// Fails when a UI string has no translation: extracts every msg() into locales/*.xlf (new messages appear
// there without a <target>), lists the units that lack one, then rebuilds the generated catalogs.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const localize = (command) => execFileSync('npx', ['lit-localize', command], { stdio: ['ignore', 'ignore', 'inherit'] });

localize('extract');
let missing = 0;
for (const file of readdirSync('locales').filter((name) => name.endsWith('.xlf'))) {
  const xliff = readFileSync(`locales/${file}`, 'utf8');
  const units = [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
  const untranslated = units.filter(([, , body]) => !/<target>[\s\S]*?\S[\s\S]*?<\/target>/.test(body)).map(([, id]) => id);
  for (const id of untranslated) console.error(`locales/${file}: no translation for "${id}"`);
  missing += untranslated.length;
  console.log(`locales/${file}: ${units.length - untranslated.length} of ${units.length} messages translated`);
}
if (missing > 0) process.exit(1);
localize('build');
