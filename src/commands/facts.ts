// `lede facts FILE`: the facts of one article file, readable (what the extractors found, for
// checking an article by eye).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { extractFacts } from '../knowledge/extract.ts';
import { readArticleBytes } from '../knowledge/ingest/index.ts';

export function runFacts(file: string | undefined): number {
  if (!file) {
    process.stderr.write('usage: lede facts FILE\n');
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    process.stderr.write(`lede: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 1;
  }
  const { articles, problems } = readArticleBytes(bytes, basename(file), file);
  for (const p of problems) process.stderr.write(`lede: ${p.source}: ${p.message}\n`);
  for (const article of articles) {
    const f = extractFacts(article);
    const out = [`# ${article.id}${article.title ? ` — ${article.title}` : ''}`, `published: ${article.published ?? '-'}  author: ${article.author ?? '-'}  outlet: ${article.outlet ?? '-'}`, ''];
    out.push('## Summary', ...f.summary.map((s) => `- ${s}`), '');
    if (f.event) out.push('## Event', ...Object.entries(f.event).filter(([, v]) => v).map(([k, v]) => `- ${k}: ${v}`), '');
    out.push('## Entities', ...f.entities.map((e) => `- ${e.name} [${e.kind}]${e.roles.length ? ` roles: ${e.roles.join('; ')}` : ''}${e.aliases.length ? ` aka: ${e.aliases.join(', ')}` : ''} (${e.mentions.length}×)`), '');
    out.push('## Times', ...f.times.map((t) => `- "${t.text}" ${t.type} = ${t.value ?? '?'}`), '');
    out.push('## Quotes', ...f.quotes.map((q) => `- [${q.kind}] ${q.speaker ? `${q.speaker.name ?? q.speaker.text}` : '(unattributed)'}${q.cue ? ` ${q.cue.text}` : ''}: ${q.text.replace(/\s+/g, ' ').slice(0, 200)}`), '');
    process.stdout.write(out.join('\n') + '\n');
  }
  return articles.length > 0 ? 0 : 1;
}
