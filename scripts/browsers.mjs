// The browsers every test and the bench drive: Debian's Chromium and Firefox ESR, never a downloaded build.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/**
 * Chromium as root needs --no-sandbox; the rest keeps it from calling home, which this machine's closed network
 * refuses many times a second.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
