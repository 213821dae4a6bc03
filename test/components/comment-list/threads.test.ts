import { expect } from '@open-wc/testing';
import { buildThreads, MAX_DEPTH, type ThreadNode } from '../../../src/components/comment-list/threads.js';

type C = { id: number; parent: number };
const shape = (nodes: ThreadNode<C>[]): unknown[] =>
  nodes.map((n) => (n.children.length ? [n.comment.id, n.depth, shape(n.children)] : [n.comment.id, n.depth]));

describe('threads', () => {
  const cases: Array<[string, C[], unknown[]]> = [
    ['flat comments', [{ id: 1, parent: 0 }, { id: 2, parent: 0 }], [[1, 1], [2, 1]]],
    ['a reply under its parent', [{ id: 1, parent: 0 }, { id: 2, parent: 0 }, { id: 3, parent: 1 }], [[1, 1, [[3, 2]]], [2, 1]]],
    ['a reply listed before its parent', [{ id: 3, parent: 1 }, { id: 1, parent: 0 }], [[1, 1, [[3, 2]]]]],
    ['a reply whose parent is not loaded', [{ id: 3, parent: 99 }, { id: 1, parent: 0 }], [[3, 1], [1, 1]]],
    [
      'seven levels: the sixth and seventh follow the fifth',
      [1, 2, 3, 4, 5, 6, 7].map((id) => ({ id, parent: id - 1 })),
      [[1, 1, [[2, 2, [[3, 3, [[4, 4, [[5, 5], [6, 5], [7, 5]]]]]]]]]],
    ],
    ['a parent cycle is still shown', [{ id: 1, parent: 2 }, { id: 2, parent: 1 }], [[1, 1, [[2, 2]]]]],
    ['a comment that is its own parent', [{ id: 1, parent: 1 }], [[1, 1]]],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => expect(shape(buildThreads(input))).to.deep.equal(expected));
  }

  it('never nests deeper than five', () => {
    const chain = Array.from({ length: 50 }, (_, i) => ({ id: i + 1, parent: i }));
    let deepest = 0;
    const walk = (nodes: ThreadNode<C>[]): void =>
      nodes.forEach((n) => {
        deepest = Math.max(deepest, n.depth);
        walk(n.children);
      });
    walk(buildThreads(chain));
    expect(deepest).to.equal(MAX_DEPTH);
  });
});
