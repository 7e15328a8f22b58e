// Reply → terminal text.
import type { Reply, ReplySource } from '../../core/reply.ts';

function sourceLine(s: ReplySource): string {
  const bits = [s.outlet, s.published?.slice(0, 10)].filter(Boolean).join(', ');
  return `${s.title}${bits ? ` (${bits})` : ''}${s.url ? ` <${s.url}>` : ''}`;
}

export function renderText(r: Reply): string {
  const lines: string[] = [];
  if (r.title) lines.push(r.url ? `${r.title} <${r.url}>` : r.title);
  lines.push(r.text);
  for (const f of r.fields) lines.push(`  ${f.name}: ${f.value}`);
  r.items.forEach((item, i) => {
    lines.push(`  ${i + 1}. ${sourceLine(item.source)}`);
    if (item.detail) lines.push(`     ${item.detail}`);
  });
  for (const q of r.quotes) lines.push(`  > ${q.text.replace(/\s+/g, ' ')}`, `    — ${sourceLine(q.source)}`);
  return lines.join('\n');
}
