/** Shared helpers of the comment tests: a fake WordPress answer, typing, and reading what the reader sees. */
import sinon from 'sinon';

export const ENDPOINT = '/wp-json/wp/v2/comments';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function comment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 7,
    post: 42,
    parent: 0,
    author_name: 'سارة',
    author_url: '',
    date: '2026-03-01T12:00:00',
    date_gmt: '2026-03-01T10:00:00',
    content: { rendered: '<p>تعليق جميل</p>\n' },
    status: 'approved',
    link: 'https://example.com/article/#comment-7',
    ...overrides,
  };
}

/** Removes every stored draft and identity the comment elements wrote. */
export function clearStorage(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('nw-comment:')) localStorage.removeItem(key);
}

export function storedDraft(post = 42, parent = 0): string | undefined {
  const raw = localStorage.getItem(`nw-comment:draft:${new URL(ENDPOINT, document.baseURI).href}|${post}|${parent}`);
  return raw ? (JSON.parse(raw) as { content: string }).content : undefined;
}

export function storedIdentity(): Record<string, string> | undefined {
  const raw = localStorage.getItem(`nw-comment:identity:${new URL(ENDPOINT, document.baseURI).href}`);
  return raw ? (JSON.parse(raw) as Record<string, string>) : undefined;
}

/** A fetch that never answers by itself, but rejects like a browser when its request is aborted. */
export function stalled(answerAfterMs?: number, answer?: () => Response): (input: unknown, init?: RequestInit) => Promise<Response> {
  return (_input, init) =>
    new Promise<Response>((resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
      if (answerAfterMs !== undefined && answer) setTimeout(() => resolve(answer()), answerAfterMs);
    });
}

export type FetchStub = sinon.SinonStub<Parameters<typeof fetch>, ReturnType<typeof fetch>>;

export function stubFetch(): FetchStub {
  return sinon.stub(window, 'fetch');
}

/**
 * For a suite of comment-element tests: before each test, no stored draft or identity and a stubbed `fetch`;
 * after it, both undone. Returns the running test's stub.
 */
export function useStubbedFetch(): () => FetchStub {
  let stub: FetchStub;
  beforeEach(() => {
    clearStorage();
    stub = stubFetch();
  });
  afterEach(() => {
    sinon.restore();
    clearStorage();
  });
  return () => stub;
}

export function bodyOf(stub: sinon.SinonStub, call = 0): unknown {
  const init = stub.getCall(call).args[1] as RequestInit;
  return JSON.parse(String(init.body));
}
