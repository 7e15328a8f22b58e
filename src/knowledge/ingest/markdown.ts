// Markdown articles with optional front matter (title, date, author, outlet, url).
import { normaliseText, readText, type ArticleDraft } from './text.ts';

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

function frontMatter(block: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (m) fields[m[1].toLowerCase()] = m[2].trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return fields;
}

/** Markdown to plain paragraphs: headings, emphasis, links and images reduced to their text. */
function stripMarkdown(md: string): { text: string; heading: string | null } {
  let heading: string | null = null;
  const lines = md.replace(/\r\n?/g, '\n').split('\n').map((line) => {
    const h = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) {
      if (heading === null) heading = h[1];
      return '\n' + h[1] + '\n';
    }
    return line.replace(/^\s{0,3}>\s?/, '').replace(/^\s*[-*+]\s+/, '');
  });
  const text = lines
    .join('\n')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
  return { text, heading };
}

export function readMarkdown(raw: string): ArticleDraft {
  const fm = FRONT_MATTER.exec(raw);
  const fields = fm ? frontMatter(fm[1]) : {};
  const body = fm ? raw.slice(fm[0].length) : raw;
  const { text, heading } = stripMarkdown(body);
  if (!fm) {
    const draft = readText(text);
    return { ...draft, title: draft.title ?? heading };
  }
  let clean = normaliseText(text);
  const title = fields.title || heading || null;
  // The heading repeats the title: keep it out of the body.
  if (title && clean.startsWith(title)) clean = normaliseText(clean.slice(title.length));
  return {
    id: fields.id || undefined,
    title,
    published: fields.date || fields.published || null,
    url: fields.url || fields.link || null,
    author: fields.author || null,
    outlet: fields.outlet || fields.source || fields.publisher || null,
    text: clean,
  };
}
