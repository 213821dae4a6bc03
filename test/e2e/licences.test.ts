import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { packagesIn } from '../../scripts/bench/sourcemap.mjs';
import { DIST } from './support.js';

describe('the built bundles', () => {
  it('ship the licence of every third-party package minified into them, in dist/THIRD-PARTY-LICENSES.txt', () => {
    const notices = readFileSync(join(DIST, 'THIRD-PARTY-LICENSES.txt'), 'utf8');
    const bundles = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.js.map') && !file.startsWith('lib'),
    );
    const packages = new Set(bundles.flatMap((file) => packagesIn(join(DIST, file))));
    // Lit in every bundle, DOMPurify in the on-demand sanitizer chunk.
    assert.ok(packages.has('lit-html') && packages.has('dompurify'), [...packages].join(', '));
    for (const name of packages) {
      const licence = readFileSync(join('node_modules', name, 'LICENSE'), 'utf8').trim();
      assert.ok(notices.includes(licence), `${name}'s LICENSE is in the notices`);
    }
  });
});
