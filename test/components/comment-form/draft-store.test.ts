import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import {
  clearDraft,
  draftKey,
  loadDraft,
  loadIdentity,
  rememberIdentity,
  saveDraft,
} from '../../../src/components/comment-form/draft-store.js';
import { clearStorage } from './helpers.js';

const endpoint = 'https://example.com/wp-json/wp/v2/comments';

describe('draft store', () => {
  beforeEach(clearStorage);
  afterEach(() => {
    sinon.restore();
    clearStorage();
  });

  it('keeps one draft per endpoint, post and parent', () => {
    saveDraft(draftKey(endpoint, 1, 0), 'top');
    saveDraft(draftKey(endpoint, 1, 5), 'reply');
    saveDraft(draftKey(endpoint, 2, 0), 'other post');
    expect(loadDraft(draftKey(endpoint, 1, 0))).to.equal('top');
    expect(loadDraft(draftKey(endpoint, 1, 5))).to.equal('reply');
    expect(loadDraft(draftKey(endpoint, 2, 0))).to.equal('other post');
    expect(loadDraft(draftKey('https://other.example/wp-json/wp/v2/comments', 1, 0))).to.equal(undefined);
  });

  it('removes a draft that became empty, and on clear', () => {
    const key = draftKey(endpoint, 1, 0);
    saveDraft(key, 'text');
    saveDraft(key, '   ');
    expect(loadDraft(key)).to.equal(undefined);
    saveDraft(key, 'text');
    clearDraft(key);
    expect(loadDraft(key)).to.equal(undefined);
  });

  it('remembers and forgets the identity', () => {
    const identity = { author_name: 'سارة', author_email: 's@example.com', author_url: '' };
    rememberIdentity(endpoint, identity);
    expect(loadIdentity(endpoint)).to.deep.equal(identity);
    rememberIdentity(endpoint, undefined);
    expect(loadIdentity(endpoint)).to.equal(undefined);
  });

  it('ignores what it cannot parse', () => {
    localStorage.setItem(`nw-comment:${draftKey(endpoint, 1, 0)}`, '{not json');
    expect(loadDraft(draftKey(endpoint, 1, 0))).to.equal(undefined);
  });

  it('never throws when storage throws', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    sinon.stub(Storage.prototype, 'setItem').throws(quota);
    sinon.stub(Storage.prototype, 'getItem').throws(new DOMException('denied', 'SecurityError'));
    sinon.stub(Storage.prototype, 'removeItem').throws(new DOMException('denied', 'SecurityError'));
    const key = draftKey(endpoint, 1, 0);
    expect(() => saveDraft(key, 'text')).not.to.throw();
    expect(loadDraft(key)).to.equal(undefined);
    expect(() => clearDraft(key)).not.to.throw();
    expect(() => rememberIdentity(endpoint, { author_name: 'a', author_email: '', author_url: '' })).not.to.throw();
    expect(loadIdentity(endpoint)).to.equal(undefined);
  });

  it('never throws when localStorage itself cannot be reached', () => {
    sinon.stub(window, 'localStorage').get(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(() => saveDraft(draftKey(endpoint, 1, 0), 'text')).not.to.throw();
    expect(loadDraft(draftKey(endpoint, 1, 0))).to.equal(undefined);
  });
});
