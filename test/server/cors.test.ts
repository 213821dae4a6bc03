import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { serverUnderTest, startServer } from './support.js';

const PARTNER = 'https://partner.example';
const STRANGER = 'https://evil.example';

const server = serverUnderTest({ ALLOWED_ORIGINS: `${PARTNER}, http://localhost:3000` });

const posts = () => `${server.base}/wp-json/wp/v2/posts`;

describe('CORS for the API', () => {
  test('an allowed origin may read posts and the paging headers', async () => {
    const response = await fetch(posts(), { headers: { origin: PARTNER } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), PARTNER);
    const exposed = (response.headers.get('access-control-expose-headers') ?? '').split(/,\s*/);
    assert.ok(exposed.includes('X-WP-Total') && exposed.includes('X-WP-TotalPages'), exposed.join());
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
    assert.match(response.headers.get('vary') ?? '', /Origin/);
  });

  test('every listed origin is allowed', async () => {
    const response = await fetch(posts(), { headers: { origin: 'http://localhost:3000' } });
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:3000');
  });

  test('any other origin gets no CORS headers (the browser then refuses the read)', async () => {
    for (const origin of [STRANGER, `${PARTNER}.evil.example`, 'http://partner.example', 'null']) {
      const response = await fetch(posts(), { headers: { origin } });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('access-control-allow-origin'), null, origin);
      assert.equal(response.headers.get('access-control-expose-headers'), null, origin);
    }
  });

  test('preflight from an allowed origin', async () => {
    const response = await fetch(posts(), {
      method: 'OPTIONS',
      headers: { origin: PARTNER, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), PARTNER);
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /content-type/i);
  });

  test('preflight from another origin is answered without permission', async () => {
    const response = await fetch(posts(), {
      method: 'OPTIONS',
      headers: { origin: STRANGER, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    assert.equal(response.headers.get('access-control-allow-methods'), null);
  });

  test('errors carry CORS headers too, so an allowed page can read the error code', async () => {
    const response = await fetch(`${posts()}/999`, { headers: { origin: PARTNER } });
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('access-control-allow-origin'), PARTNER);
  });
});

describe('CORS for the widgets and images', () => {
  test('any page may load the widget bundle as a module script and show the images', async () => {
    for (const path of ['/dist/news-widgets.js', '/media/phone-battery-cold.svg']) {
      const response = await fetch(server.base + path, { headers: { origin: STRANGER } });
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('access-control-allow-origin'), '*', path);
      assert.equal(response.headers.get('cross-origin-resource-policy'), 'cross-origin', path);
    }
  });
});

describe('without ALLOWED_ORIGINS', () => {
  test('no origin is allowed', async () => {
    const closed = await startServer();
    try {
      const response = await fetch(`${closed.base}/wp-json/wp/v2/posts`, { headers: { origin: PARTNER } });
      assert.equal(response.headers.get('access-control-allow-origin'), null);
    } finally {
      await closed.close();
      closed.remove();
    }
  });
});
