// Markdown articles with optional front matter (title, date, author, outlet, url).
import { checkDocument } from '../limits.ts';
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

/** A heading's opening hashes; the text after them is trimmed by hand (see headingText). */
const HEADING_START = /^\s{0,3}#{1,6}\s+/;

/**
 * The text of a heading line ("## Title ##" → "Title"), or null. Trimmed by hand: a pattern
 * like (.*?)\s*#*\s*$ retries every split of a long run of spaces inside the heading.
 */
function headingText(line: string): string | null {
  const start = HEADING_START.exec(line);
  if (!start) return null;
  let end = line.length;
  while (end > start[0].length && /\s/.test(line[end - 1])) end--;
  while (end > start[0].length && line[end - 1] === '#') end--;
  while (end > start[0].length && /\s/.test(line[end - 1])) end--;
  return line.slice(start[0].length, end);
}

/**
 * A link or image: "[text](url)", the url with at most one level of balanced parentheses
 * (Wikipedia's "Foo_(bar)"). Neither bracket nor parenthesis is crossed by the runs, so a
 * text of "[a](" repeated is scanned once, not once per bracket.
 */
const LINK = /(!?)\[([^\][]*)\]\([^()]*(?:\([^()]*\)[^()]*)*\)/g;

/** Markdown to plain paragraphs: headings, emphasis, links and images reduced to their text. */
function stripMarkdown(md: string): { text: string; heading: string | null } {
  let heading: string | null = null;
  const lines = md.replace(/\r\n?/g, '\n').split('\n').map((line) => {
    const h = headingText(line);
    if (h !== null) {
      if (heading === null) heading = h;
      return '\n' + h + '\n';
    }
    return line.replace(/^\s{0,3}>\s?/, '').replace(/^\s*[-*+]\s+/, '');
  });
  const text = lines
    .join('\n')
    .replace(LINK, (whole, bang: string, text: string) => (bang || text ? text : whole))
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
  return { text, heading };
}

export function readMarkdown(raw: string): ArticleDraft {
  checkDocument(raw, 'the markdown');
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
