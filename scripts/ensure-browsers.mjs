// Makes sure the browsers the tests drive are installed: Debian's Chromium and Firefox ESR, never a tool's own
// download. As root on Debian it installs them with apt-get; elsewhere it says in one line what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, FIREFOX_PATH } from './browsers.mjs';

const browsers = [
  { pkg: 'chromium', path: CHROMIUM_PATH, env: 'CHROMIUM_PATH' },
  { pkg: 'firefox-esr', path: FIREFOX_PATH, env: 'FIREFOX_PATH' },
];
const missing = browsers.filter((browser) => !existsSync(browser.path));
if (missing.length === 0) process.exit(0);

const packages = missing.map((browser) => browser.pkg);
const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (!canInstall) {
  console.error(
    `npm test needs ${packages.join(' and ')}: run \`sudo apt-get install -y ${packages.join(' ')}\` ` +
      `(or point ${missing.map((browser) => browser.env).join('/')} at an installed binary).`,
  );
  process.exit(1);
}
console.log(`Installing ${packages.join(' and ')} with apt-get…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
