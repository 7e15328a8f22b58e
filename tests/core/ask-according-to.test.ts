// "according to …" reads as part of a sentence: a speaker the article only describes loses the
// capital it had from opening its sentence ("Prosecutors say …" → "according to prosecutors"),
// while a named source keeps its own ("according to Reuters").
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lede } from '../../src/core/lede.ts';

const wire = {
  id: 'port-strike',
  title: 'Dock workers walk out',
  published: '2026-03-05',
  url: null,
  author: null,
  outlet: 'Harbour Wire',
  text: [
    'Dock workers at the port of Calder walked out on Tuesday over pay.',
    'Reuters reported that Ines Harlow, a union organiser, led the walkout at dawn.',
    'The port authority said talks would resume next week.',
  ].join('\n\n'),
};

describe('according to …', () => {
  let lede: Lede;
  beforeAll(async () => {
    // tests/fixtures/roles/pub-stabbing.txt: "Prosecutors say Kyle Brandt, 29, stabbed Morrow …"
    lede = await Lede.open({ dataPath: join(import.meta.dirname, '..', 'fixtures', 'roles'), store: { sqlitePath: ':memory:' } });
    await lede.addArticle(wire);
  });
  afterAll(async () => {
    await lede.close();
  });

  it('lowers a described speaker that opened its sentence', async () => {
    const a = await lede.answer('who stabbed dean morrow', 'case-1');
    expect(a.answer).toMatch(/^Kyle Brandt\b/);
    expect(a.answer).toMatch(/according to prosecutors\b/);
  });

  it('keeps the capital of a named source', async () => {
    const a = await lede.answer('Who led the walkout?', 'case-2');
    expect(a.answer).toMatch(/Ines Harlow/);
    expect(a.answer).not.toMatch(/according to reuters/);
  });
});
