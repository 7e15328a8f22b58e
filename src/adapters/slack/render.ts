// Reply (platform-neutral) → Slack messages in Block Kit, within Slack's limits:
// 3000 characters a section, 150 a header, 2000 a field, 10 fields a section,
// 10 elements a context, 50 blocks a message. Long text is split at paragraph, sentence or
// word boundaries; too many blocks continue in a further message, up to MAX_MESSAGES.
// Every message carries a `text` fallback for notifications and screen readers; Slack reads it as
// mrkdwn, so it is escaped like the blocks: "<!channel>" in an article must not ping a channel.
import type { Reply, ReplyItem, ReplySource } from '../../core/reply.ts';

export const SLACK_LIMITS = {
  sectionText: 3000,
  headerText: 150,
  fieldText: 2000,
  fieldsPerSection: 10,
  blocksPerMessage: 50,
  /** Notification fallback; Slack allows more, but a notification never shows this much. */
  fallbackText: 3000,
} as const;

/** A reply is never spread over more messages than this (response_url allows 5 uses). */
export const MAX_MESSAGES = 3;

export type TextObject = { type: 'plain_text'; text: string; emoji?: boolean } | { type: 'mrkdwn'; text: string; verbatim?: boolean };

export type Block =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji?: boolean } }
  | { type: 'section'; text?: TextObject; fields?: TextObject[] }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'divider' };

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Slack's mrkdwn needs only these three escaped. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to at most `max` characters, at a word boundary when one is near, with an ellipsis. */
export function trimText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Splits text into chunks whose `measure` (e.g. escaped length) is at most `max`,
 * preferring to break after a paragraph, then a sentence, then a word.
 */
export function splitText(text: string, max: number, measure: (s: string) => number = (s) => s.length): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    if (measure(rest) <= max) {
      chunks.push(rest);
      break;
    }
    const limit = longestFittingPrefix(rest, max, measure);
    const cut = bestBreak(rest.slice(0, limit)) || limit;
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  return chunks;
}

function longestFittingPrefix(text: string, max: number, measure: (s: string) => number): number {
  let n = Math.min(text.length, max);
  // Escaping only lengthens text, so shrinking from `max` finds the fit quickly.
  while (n > 1 && measure(text.slice(0, n)) > max) n -= Math.max(1, Math.ceil((measure(text.slice(0, n)) - max) / 5));
  // Never split a surrogate pair.
  if (n < text.length && /[\uD800-\uDBFF]/.test(text[n - 1])) n -= 1;
  return Math.max(1, n);
}

/** Where to break inside `head` (its length is the hard limit); 0 when no good break exists. */
function bestBreak(head: string): number {
  const floor = head.length * 0.5;
  const paragraph = head.lastIndexOf('\n\n');
  if (paragraph > floor) return paragraph + 2;
  const sentence = Math.max(...['. ', '? ', '! ', '.\n', '\n'].map((s) => head.lastIndexOf(s)));
  if (sentence > floor) return sentence + 1;
  const word = head.lastIndexOf(' ');
  return word > floor ? word + 1 : 0;
}

function plain(text: string): TextObject {
  return { type: 'plain_text', text, emoji: false };
}

function mrkdwn(text: string): TextObject {
  return { type: 'mrkdwn', text, verbatim: true };
}

/** A link label may not contain `|` or `>`; the URL may not contain `|` or `>` either. */
function link(url: string | null, label: string): string {
  const safeLabel = escapeMrkdwn(label.replace(/\|/g, '¦'));
  if (!url || !/^https?:\/\//i.test(url) || /[|<>\s]/.test(url)) return safeLabel;
  return `<${url.replace(/&/g, '&amp;')}|${safeLabel}>`;
}

/** "title (linked) · outlet · date", the citation line under a quote or item. */
export function sourceLine(source: ReplySource): string {
  const date = source.published ? source.published.slice(0, 10) : null;
  return [link(source.url, trimText(source.title || source.articleId, 200)), source.outlet && escapeMrkdwn(trimText(source.outlet, 100)), date && escapeMrkdwn(date)]
    .filter(Boolean)
    .join(' · ');
}

function textSections(text: string): Block[] {
  return splitText(text, SLACK_LIMITS.sectionText).map((chunk) => ({ type: 'section', text: plain(chunk) }) as Block);
}

function quoteBlocks(text: string, source: ReplySource): Block[] {
  // Each line of a mrkdwn block quote starts with "> "; count that prefix against the limit.
  const quoted = (s: string) => s.split('\n').map((line) => `> ${escapeMrkdwn(line)}`).join('\n');
  const sections = splitText(text, SLACK_LIMITS.sectionText, (s) => quoted(s).length).map((chunk) => ({ type: 'section', text: mrkdwn(quoted(chunk)) }) as Block);
  return [...sections, { type: 'context', elements: [mrkdwn(trimText(sourceLine(source), SLACK_LIMITS.sectionText))] }];
}

function itemBlock(item: ReplyItem): Block {
  const head = `*${link(item.source.url, trimText(item.title || item.source.title, 300))}*`;
  const meta = [item.source.outlet, item.source.published?.slice(0, 10)].filter(Boolean).map((s) => escapeMrkdwn(String(s))).join(' · ');
  const detail = item.detail ? escapeMrkdwn(item.detail) : '';
  const body = [head + (meta ? `  _${meta}_` : ''), detail].filter(Boolean).join('\n');
  return { type: 'section', text: mrkdwn(trimText(body, SLACK_LIMITS.sectionText)) };
}

function fieldBlocks(fields: Reply['fields']): Block[] {
  const objects = fields.map((f) => mrkdwn(trimText(`*${escapeMrkdwn(f.name)}*\n${escapeMrkdwn(f.value)}`, SLACK_LIMITS.fieldText)));
  const blocks: Block[] = [];
  for (let i = 0; i < objects.length; i += SLACK_LIMITS.fieldsPerSection) blocks.push({ type: 'section', fields: objects.slice(i, i + SLACK_LIMITS.fieldsPerSection) });
  return blocks;
}

/** The item that is the reply's own article (a summary or digest post about one article). */
function ownItem(reply: Reply): ReplyItem | undefined {
  if (!reply.title) return undefined;
  return reply.items.find((item) => (reply.url !== null && item.source.url === reply.url) || item.source.title === reply.title);
}

/** All blocks of a reply, in reading order, before paging into messages. */
export function replyBlocks(reply: Reply): Block[] {
  const blocks: Block[] = [];
  if (reply.title) blocks.push({ type: 'header', text: { type: 'plain_text', text: trimText(reply.title, SLACK_LIMITS.headerText), emoji: false } });
  const text = reply.kind === 'error' ? `⚠️ ${reply.text}` : reply.text;
  if (text.trim()) blocks.push(...textSections(text));
  blocks.push(...fieldBlocks(reply.fields));
  // The article a summary is about: one citation line (title linked, outlet, date), not a list entry.
  const own = ownItem(reply);
  if (own) blocks.push({ type: 'context', elements: [mrkdwn(trimText(sourceLine(own.source), SLACK_LIMITS.sectionText))] });
  else if (reply.title && reply.url) blocks.push({ type: 'context', elements: [mrkdwn(link(reply.url, 'Read the article'))] });
  for (const quote of reply.quotes) blocks.push(...quoteBlocks(quote.text, quote.source));
  for (const item of reply.items) if (item !== own) blocks.push(itemBlock(item));
  return blocks;
}

/** The notification text: title and answer, cut to a readable length, escaped (no mention can form). */
export function fallbackText(reply: Reply): string {
  const text = [reply.title, reply.text].filter((s) => s && s.trim()).join(' — ') || (reply.items.length ? `${reply.items.length} articles` : 'Lede');
  // Cut first, then escape: a cut never splits an entity ("&l…"), so nothing half-escaped remains.
  return escapeMrkdwn(trimText(text, SLACK_LIMITS.fallbackText));
}

/**
 * The messages a reply becomes: usually one; more when it has over 50 blocks, never more
 * than MAX_MESSAGES (the last one then says how much was left out).
 */
export function renderReply(reply: Reply): SlackMessage[] {
  const text = fallbackText(reply);
  const found = replyBlocks(reply);
  // Slack refuses an empty block list; a reply with nothing to show still says something.
  const blocks: Block[] = found.length ? found : [{ type: 'section', text: mrkdwn(text) }];
  const per = SLACK_LIMITS.blocksPerMessage;
  if (blocks.length <= per) return [{ text, blocks }];
  const capacity = per * MAX_MESSAGES;
  const kept = blocks.length > capacity ? blocks.slice(0, capacity - 1) : blocks;
  const omitted = blocks.length - kept.length;
  if (omitted > 0) kept.push({ type: 'context', elements: [mrkdwn(`…${omitted} more not shown (Slack message limits).`)] });
  const messages: SlackMessage[] = [];
  for (let i = 0; i < kept.length; i += per) {
    const part = messages.length + 1;
    messages.push({ text: part === 1 ? text : `(continued ${part}) ${text}`, blocks: kept.slice(i, i + per) });
  }
  return messages;
}
