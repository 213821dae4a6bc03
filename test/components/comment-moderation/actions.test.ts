import { expect } from '@open-wc/testing';
import { ACTIONS, actionForKey, moveIndex, TARGET, undoOf } from '../../../src/components/comment-moderation/actions.js';
import { TABS } from '../../../src/components/comment-moderation/moderation-api.js';

describe('moderation actions', () => {
  it('offers in each tab what WordPress offers there, and never moves a comment to the tab it is in', () => {
    expect(ACTIONS).to.deep.equal({
      hold: ['approve', 'spam', 'trash'],
      approve: ['unapprove', 'spam', 'trash'],
      spam: ['unspam', 'delete'],
      trash: ['restore', 'delete'],
    });
    const own = { hold: 'hold', approve: 'approved', spam: 'spam', trash: 'trash' } as const;
    for (const tab of TABS) for (const action of ACTIONS[tab]) expect(TARGET[action]).to.not.equal(own[tab], `${tab}/${action}`);
  });

  const keys: [string, (typeof TABS)[number], string | undefined][] = [
    ['a', 'hold', 'approve'],
    ['A', 'hold', 'approve'],
    ['s', 'hold', 'spam'],
    ['d', 'hold', 'trash'],
    ['u', 'hold', undefined],
    ['u', 'approve', 'unapprove'],
    ['a', 'approve', undefined],
    ['a', 'spam', 'unspam'],
    ['s', 'spam', undefined],
    ['d', 'trash', undefined],
    ['z', 'trash', 'restore'],
    ['z', 'hold', undefined],
    ['q', 'hold', undefined],
  ];
  for (const [key, tab, action] of keys) {
    it(`"${key}" in ${tab} → ${action ?? 'nothing'}`, () => expect(actionForKey(key, tab)).to.equal(action));
  }

  it('undoes status changes back to where they came from, and never a deletion', () => {
    expect(
      undoOf([
        { id: 1, from: 'hold', to: 'approved' },
        { id: 2, from: 'trash', to: 'deleted' },
        { id: 3, from: 'approved', to: 'spam' },
      ]),
    ).to.deep.equal([
      { id: 1, from: 'approved', to: 'hold' },
      { id: 3, from: 'spam', to: 'approved' },
    ]);
  });

  it('moves within the rows and stops at the ends', () => {
    expect(moveIndex('j', 0, 3)).to.equal(1);
    expect(moveIndex('ArrowDown', 2, 3)).to.equal(2);
    expect(moveIndex('k', 0, 3)).to.equal(0);
    expect(moveIndex('ArrowUp', 2, 3)).to.equal(1);
    expect(moveIndex('j', -1, 3)).to.equal(0, 'from outside the rows, the first');
    expect(moveIndex('End', 0, 3)).to.equal(2);
    expect(moveIndex('Home', 2, 3)).to.equal(0);
    expect(moveIndex('j', 0, 0)).to.equal(undefined);
    expect(moveIndex('a', 0, 3)).to.equal(undefined);
  });
});
