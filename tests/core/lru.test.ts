import { describe, expect, it } from 'vitest';
import { Lru } from '../../src/core/archive/lru.ts';

describe('Lru', () => {
  it('forgets the least recently used entry first', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the more recent
    lru.set('c', 3);
    expect(lru.has('b')).toBe(false);
    expect([lru.get('a'), lru.get('c')]).toEqual([1, 3]);
  });

  it('bounds the total weight, not the number of entries', () => {
    const lru = new Lru<string, number[]>(10, (list) => list.length);
    lru.set('rare', [1, 2]);
    lru.set('common', [1, 2, 3, 4, 5, 6, 7]);
    expect(lru.weight).toBe(9);
    lru.set('other', [8, 9, 10]);
    expect(lru.has('rare')).toBe(false);
    expect(lru.weight).toBe(10);
    lru.set('huge', Array.from({ length: 11 }, (_, i) => i));
    expect(lru.has('huge')).toBe(false);
    expect(lru.weight).toBe(10);
  });

  it('replaces an entry in place and clears', () => {
    const lru = new Lru<string, number[]>(10, (list) => list.length);
    lru.set('a', [1, 2, 3]);
    lru.set('a', [1]);
    expect(lru.weight).toBe(1);
    lru.delete('a');
    expect(lru.size).toBe(0);
    lru.set('b', [1]);
    lru.clear();
    expect([lru.size, lru.weight]).toEqual([0, 0]);
  });
});
