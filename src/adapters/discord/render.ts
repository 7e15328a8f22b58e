// Reply → Discord messages. Pure: no discord.js client here, only the JSON shapes Discord
// accepts. Every limit below is Discord's; long replies are split across embeds and messages
// (or trimmed cleanly where splitting makes no sense, e.g. a title), never rejected.
import type { Reply, ReplyField, ReplyItem, ReplyKind, ReplyQuote, ReplySource } from '../../core/reply.ts';

export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fieldsPerEmbed: 25,
  footer: 2048,
  embedsPerMessage: 10,
  /** Sum of title, description, field names and values, footer and author of all embeds in one message. */
  embedsTotal: 6000,
} as const;

/** Footer text we write is short by construction; cap it well below Discord's limit. */
const FOOTER_CAP = 200;
/** One list line (an article in /articles) never takes more than this. */
const ITEM_LINE_CAP = 500;

export interface DiscordEmbed {
  title?: string;
  url?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
}

/** Allowed mentions: none, ever (article and user text can contain @everyone or <@id>). */
export interface NoMentions {
  parse: [];
  repliedUser: false;
}

export interface DiscordMessage {
  content?: string;
  embeds: DiscordEmbed[];
  allowedMentions: NoMentions;
}

export function noMentions(): NoMentions {
  return { parse: [], repliedUser: false };
}

const COLORS: Record<ReplyKind, number> = {
  answer: 0x3b82f6,
  'not-stated': 0x9ca3af,
  list: 0x6366f1,
  summary: 0x10b981,
  digest: 0xf59e0b,
  info: 0x9ca3af,
  error: 0xef4444,
};

/** Shortens to `max` characters, at a word boundary when one is near, ending in "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  const space = text.lastIndexOf(' ', cut);
  if (space > max * 0.8) cut = space;
  return text.slice(0, cut).trimEnd() + '…';
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Splits text into chunks of at most `max` characters, preferring paragraph, line, sentence, then word breaks. */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = bestBreak(rest, max);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks;
}

function bestBreak(text: string, max: number): number {
  const window = text.slice(0, max);
  const floor = max / 2;
  for (const sep of ['\n\n', '\n', '. ', '? ', '! ', ' ']) {
    const at = window.lastIndexOf(sep);
    if (at > floor) return at + sep.length;
  }
  return isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
}

/** Escapes Discord markdown in article/user text so it shows as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~`|>#[\]-]/g, (ch: string, offset: number, whole: string) => {
    // "-", "#" and ">" only matter where they would start a list, heading or quote.
    if ((ch === '-' || ch === '#' || ch === '>') && offset > 0 && whole[offset - 1] !== '\n') return ch;
    return '\\' + ch;
  });
}

function httpUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** "Outlet · 2024-03-04" from a source; undefined when neither is known. */
export function sourceFooter(source: ReplySource): { text: string } | undefined {
  const date = source.published ? source.published.slice(0, 10) : null;
  const text = [source.outlet, date].filter(Boolean).join(' · ');
  return text ? { text: truncate(text, FOOTER_CAP) } : undefined;
}

function quoteBlock(quotes: ReplyQuote[]): string {
  return quotes
    .map((q) =>
      escapeMarkdown(q.text.trim())
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n'),
    )
    .join('\n\n');
}

function itemLine(item: ReplyItem, index: number): string {
  const url = httpUrl(item.source.url);
  const title = escapeMarkdown(item.title);
  const head = url ? `[${title}](${url})` : `**${title}**`;
  const meta = [item.source.outlet, item.source.published?.slice(0, 10)].filter(Boolean).join(', ');
  const detail = item.detail ? ` — ${escapeMarkdown(item.detail)}` : '';
  return truncate(`${index + 1}. ${head}${meta ? ` (${meta})` : ''}${detail}`, ITEM_LINE_CAP);
}

/** Quotes grouped by the article they come from, in first-cited order. */
function quotesBySource(quotes: ReplyQuote[]): { source: ReplySource; quotes: ReplyQuote[] }[] {
  const groups = new Map<string, { source: ReplySource; quotes: ReplyQuote[] }>();
  for (const q of quotes) {
    const key = q.source.articleId;
    const group = groups.get(key) ?? { source: q.source, quotes: [] };
    group.quotes.push(q);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Fields within the per-field limits; a too-long value continues in further fields. */
function fitFields(fields: ReplyField[]): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const f of fields) {
    const name = truncate(f.name.trim() || '—', DISCORD_LIMITS.fieldName);
    const parts = splitText(f.value, DISCORD_LIMITS.fieldValue);
    (parts.length ? parts : ['—']).forEach((value, i) => out.push({ name: i === 0 ? name : truncate(`${name} (continued)`, DISCORD_LIMITS.fieldName), value }));
  }
  return out;
}

export function embedSize(e: DiscordEmbed): number {
  const fields = (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + fields;
}

/** Budget for one embed, so that even a lone embed fits the per-message total. */
const EMBED_BUDGET = DISCORD_LIMITS.embedsTotal - 500;

/** Builds one or more embeds: description split at the limit, fields packed by count and size. */
function embedsFor(head: { title?: string; url?: string; footer?: { text: string }; color: number }, description: string, fields: { name: string; value: string }[]): DiscordEmbed[] {
  const title = head.title ? truncate(head.title, DISCORD_LIMITS.embedTitle) : undefined;
  const chunks = splitText(description, DISCORD_LIMITS.embedDescription);
  const embeds: DiscordEmbed[] = (chunks.length ? chunks : ['']).map((chunk, i) => {
    const e: DiscordEmbed = { color: head.color };
    if (i === 0 && title) {
      e.title = title;
      if (head.url) e.url = head.url;
    }
    if (chunk) e.description = chunk;
    return e;
  });
  let current = embeds[embeds.length - 1];
  for (const field of fields) {
    const count = current.fields?.length ?? 0;
    if (count >= DISCORD_LIMITS.fieldsPerEmbed || embedSize(current) + field.name.length + field.value.length > EMBED_BUDGET) {
      current = { color: head.color };
      embeds.push(current);
    }
    (current.fields ??= []).push(field);
  }
  // The source footer belongs under the last part, where the reader finishes.
  if (head.footer) embeds[embeds.length - 1].footer = head.footer;
  return embeds.filter((e) => e.title || e.description || e.fields?.length);
}

/** Groups embeds into messages of at most 10 embeds and 6000 characters. */
export function packMessages(embeds: DiscordEmbed[]): DiscordMessage[] {
  const messages: DiscordMessage[] = [];
  let current: DiscordEmbed[] = [];
  let size = 0;
  for (const e of embeds) {
    const s = embedSize(e);
    if (current.length && (current.length >= DISCORD_LIMITS.embedsPerMessage || size + s > DISCORD_LIMITS.embedsTotal)) {
      messages.push({ embeds: current, allowedMentions: noMentions() });
      current = [];
      size = 0;
    }
    current.push(e);
    size += s;
  }
  if (current.length) messages.push({ embeds: current, allowedMentions: noMentions() });
  return messages;
}

/** Plain text messages (info, errors, apologies): content split at 2000 characters. */
export function textMessages(text: string): DiscordMessage[] {
  const chunks = splitText(text, DISCORD_LIMITS.content);
  return (chunks.length ? chunks : ['…']).map((content) => ({ content, embeds: [], allowedMentions: noMentions() }));
}

/**
 * Renders a Reply: the answer, then the cited sentence(s) as a quote under the article's
 * title (linked when it has a URL), with outlet and date in the footer.
 */
export function renderReply(reply: Reply): DiscordMessage[] {
  if (reply.kind === 'info' || reply.kind === 'error') return textMessages(reply.text);
  const color = COLORS[reply.kind];
  const groups = quotesBySource(reply.quotes);
  const listText = reply.items.map(itemLine).join('\n');
  const mainText = [escapeMarkdown(reply.text.trim()), listText].filter(Boolean).join('\n\n');
  const fields = fitFields(reply.fields);

  // One source and no heading of its own: answer and quote share one embed under the article.
  if (!reply.title && groups.length === 1) {
    const [{ source, quotes }] = groups;
    const description = [mainText, quoteBlock(quotes)].filter(Boolean).join('\n\n');
    return packMessages(embedsFor({ title: source.title, url: httpUrl(source.url), footer: sourceFooter(source), color }, description, fields));
  }

  const embeds = embedsFor({ title: reply.title ?? undefined, url: httpUrl(reply.url), color }, mainText, fields);
  for (const { source, quotes } of groups) {
    embeds.push(...embedsFor({ title: source.title, url: httpUrl(source.url), footer: sourceFooter(source), color }, quoteBlock(quotes), []));
  }
  return packMessages(embeds.length ? embeds : [{ color, description: '…' }]);
}
