// Pure parts of the Slack adapter: Reply → Block Kit within Slack's limits, slash command
// text → command arguments, mention text → question, and the manifest kept in sync.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/core/commands.ts';
import { reply, type ReplySource } from '../../src/core/reply.ts';
import { manifestYaml, parseCommandText, usageHint, questionFromMention, slashName, validateCommandPrefix } from '../../src/adapters/slack/commands.ts';
import { slackCli } from '../../src/adapters/slack/cli.ts';
import { escapeMrkdwn, MAX_MESSAGES, renderReply, sourceLine, splitText, trimText } from '../../src/adapters/slack/render.ts';
import { blockProblems } from '../fakes/slack/validate.ts';

const source: ReplySource = { articleId: 'ferry', title: 'Ferry | timetable changes', url: 'https://news.example/ferry?a=1&b=2', outlet: 'Island <Post>', published: '2026-02-03T10:00:00Z' };
const spec = (name: string) => COMMANDS.find((c) => c.name === name)!;

describe('splitText', () => {
  it('keeps short text whole and splits long text at sentence ends', () => {
    expect(splitText('One. Two.', 3000)).toEqual(['One. Two.']);
    const text = 'The ferry leaves at nine. '.repeat(300).trim();
    const chunks = splitText(text, 3000);
    expect(chunks.length).toBe(3);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(3000);
      expect(c.endsWith('nine.')).toBe(true);
    }
    expect(chunks.join(' ')).toBe(text);
  });

  it('prefers paragraph breaks, falls back to words, then to a hard cut', () => {
    const para = `${'a '.repeat(800)}\n\n${'b '.repeat(800)}`;
    expect(splitText(para, 3000)[0].trim()).toBe('a '.repeat(800).trim());
    const words = splitText('word '.repeat(1000), 3000);
    expect(words.every((c) => c.length <= 3000 && !c.endsWith('wor'))).toBe(true);
    const solid = splitText('x'.repeat(7000), 3000);
    expect(solid.map((c) => c.length)).toEqual([3000, 3000, 1000]);
  });

  it('measures the escaped length when asked to', () => {
    const chunks = splitText('&'.repeat(1000), 3000, (s) => escapeMrkdwn(s).length);
    expect(chunks.every((c) => escapeMrkdwn(c).length <= 3000)).toBe(true);
    expect(chunks.join('')).toHaveLength(1000);
  });
});

describe('renderReply', () => {
  it('renders an answer: text section, quoted sentence, citation context, plain fallback', () => {
    const [message, ...more] = renderReply(reply('answer', 'At nine.', { quotes: [{ text: 'The ferry <now> leaves at nine & returns at five.', source }] }));
    expect(more).toHaveLength(0);
    expect(message.text).toBe('At nine.');
    expect(message.blocks.map((b) => b.type)).toEqual(['section', 'section', 'context']);
    expect(message.blocks[0]).toMatchObject({ text: { type: 'plain_text', text: 'At nine.' } });
    expect(message.blocks[1]).toMatchObject({ text: { type: 'mrkdwn', text: '> The ferry &lt;now&gt; leaves at nine &amp; returns at five.' } });
    expect((message.blocks[2] as any).elements[0].text).toBe('<https://news.example/ferry?a=1&amp;b=2|Ferry ¦ timetable changes> · Island &lt;Post&gt; · 2026-02-03');
    expect(blockProblems(message.blocks)).toEqual([]);
  });

  it('escapes the notification text like the blocks, so no mention of anyone can form', () => {
    const pings = '<!channel> <!here> <!everyone> <@U0BOSS> <!subteam^S0EDITORS|@editors> & more';
    const messages = renderReply(reply('summary', `Said ${pings}`, { title: `Title ${pings}` }));
    for (const message of messages) {
      expect(message.text).not.toMatch(/[<>]/);
      expect(message.text).toContain('&lt;!channel&gt;');
      expect(message.text).toContain('&amp; more');
    }
    // A long reply: every continued message's text is escaped too.
    const many = renderReply(reply('list', `<!here> ${'x'.repeat(10)}`, { items: Array.from({ length: 120 }, (_, i) => ({ title: `T${i}`, detail: null, source })) }));
    expect(many.length).toBeGreaterThan(1);
    for (const message of many) expect(message.text).not.toMatch(/[<>]/);
  });

  it('trims a long title to a 150-character header and links the article', () => {
    const [message] = renderReply(reply('summary', 'Short.', { title: 'Timetable '.repeat(40), url: 'https://news.example/t' }));
    const header = message.blocks[0] as any;
    expect(header.type).toBe('header');
    expect(header.text.text.length).toBeLessThanOrEqual(150);
    expect(header.text.text.endsWith('…')).toBe(true);
    expect(JSON.stringify(message.blocks)).toContain('<https://news.example/t|Read the article>');
  });

  it("cites a summary's own article once, as a line under the text", () => {
    const [message] = renderReply(reply('summary', 'The ferry timetable changes.', { title: source.title, url: source.url, fields: [{ name: 'When', value: 'Monday' }], items: [{ title: source.title, detail: null, source }] }));
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context']);
    expect((message.blocks[3] as any).elements[0].text).toContain('Island &lt;Post&gt; · 2026-02-03');
  });

  it('never links a URL that could break the markup', () => {
    expect(sourceLine({ ...source, url: 'javascript:alert(1)' })).not.toContain('<javascript');
    expect(sourceLine({ ...source, url: 'https://x.example/a>b' })).not.toContain('<https');
  });

  it('splits over 50 blocks into further messages, at most MAX_MESSAGES, saying what was left out', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `Story ${i + 1}`, detail: null, source }));
    const two = renderReply(reply('list', 'Articles:', { items: items(70) }));
    expect(two.map((m) => m.blocks.length)).toEqual([50, 21]);
    const capped = renderReply(reply('list', 'Articles:', { items: items(400) }));
    expect(capped).toHaveLength(MAX_MESSAGES);
    expect(JSON.stringify(capped.at(-1)!.blocks.at(-1))).toMatch(/…\d+ more not shown/);
    for (const m of [...two, ...capped]) expect(blockProblems(m.blocks)).toEqual([]);
  });

  it('groups many fields ten to a section within 2000 characters each', () => {
    const fields = Array.from({ length: 12 }, (_, i) => ({ name: `Field ${i}`, value: 'v'.repeat(2500) }));
    const [message] = renderReply(reply('summary', 'Facts.', { fields }));
    expect(message.blocks.filter((b) => b.type === 'section' && 'fields' in b && b.fields)).toHaveLength(2);
    expect(blockProblems(message.blocks)).toEqual([]);
  });

  it('always has a notification text, even for an empty reply', () => {
    const [message] = renderReply(reply('info', ''));
    expect(message.text.length).toBeGreaterThan(0);
    expect(blockProblems(message.blocks)).toEqual([]);
  });

  it('trimText cuts at a word and marks the cut', () => {
    expect(trimText('short', 10)).toBe('short');
    const cut = trimText('the quick brown fox jumps', 12);
    expect(cut.length).toBeLessThanOrEqual(12);
    expect(cut).toBe('the quick…');
  });
});

describe('slash command text and mentions', () => {
  it('gives the whole text to a one-option command and splits the first word off for two', () => {
    expect(parseCommandText(spec('ask'), '  Who cut the ribbon?  ')).toEqual({ question: 'Who cut the ribbon?' });
    expect(parseCommandText(spec('articles'), '')).toEqual({});
    expect(parseCommandText(spec('ask'), 'what does --question mean?')).toEqual({ question: 'what does --question mean?' });
    expect(parseCommandText(spec('subscribe'), 'https://feeds.example/x.xml bridge  harbour')).toEqual({ source: 'https://feeds.example/x.xml', keywords: 'bridge  harbour' });
    expect(parseCommandText(spec('subscribe'), 'https://feeds.example/x.xml')).toEqual({ source: 'https://feeds.example/x.xml' });
    expect(parseCommandText(spec('subscriptions'), 'ignored')).toEqual({});
  });

  it('reads options given by name, the only way to a third option', () => {
    const subscribe = { name: 'subscribe' as const, description: 'd', options: [{ name: 'source', description: 's', required: true }, { name: 'keywords', description: 'k', required: false }, { name: 'post-newest', description: 'n', required: false }] };
    expect(parseCommandText(subscribe, 'https://f.example/x bridge harbour --post-newest 3')).toEqual({ source: 'https://f.example/x', keywords: 'bridge harbour', 'post-newest': '3' });
    expect(parseCommandText(subscribe, '--post-newest=2 https://f.example/x')).toEqual({ source: 'https://f.example/x', 'post-newest': '2' });
    expect(parseCommandText(subscribe, '--keywords ferry https://f.example/x')).toEqual({ source: 'https://f.example/x', keywords: 'ferry' });
    expect(usageHint(subscribe)).toBe('<source> [keywords] [--post-newest …]');
  });

  it('turns mention markup back into the question the user typed', () => {
    expect(questionFromMention('<@U0BOT> who is <@U0ANN|ann> &amp; what is in <#C0X|general>? <https://a.example|this link> <!here>', 'U0BOT')).toBe('who is @ann & what is in #general? this link');
    expect(questionFromMention('<@U0BOT>', 'U0BOT')).toBe('');
    expect(questionFromMention('is 3 &lt; 4 <@U0BOT>?', 'U0BOT')).toBe('is 3 < 4 ?');
  });

  it('applies a valid prefix and refuses one Slack would not accept', () => {
    expect(slashName(spec('ask'), validateCommandPrefix('lede-'))).toBe('/lede-ask');
    expect(() => validateCommandPrefix('Lede')).toThrow(/SLACK_COMMAND_PREFIX/);
    expect(() => validateCommandPrefix('x'.repeat(30))).toThrow(/at most/);
  });
});

describe('app manifest', () => {
  it('slack-manifest.yml is the generated Socket Mode manifest with every command', () => {
    const committed = readFileSync(new URL('../../slack-manifest.yml', import.meta.url), 'utf8');
    expect(committed, 'slack-manifest.yml is stale: npx lede slack manifest > slack-manifest.yml').toBe(manifestYaml({ prefix: '', socketMode: true }));
    for (const c of COMMANDS) expect(committed).toContain(`- command: /${c.name}\n`);
    for (const scope of ['app_mentions:read', 'chat:write', 'commands']) expect(committed).toContain(`- ${scope}\n`);
    expect(committed).toContain('socket_mode_enabled: true');
  });

  it('the CLI prints an HTTP manifest with the prefix and request URL', () => {
    let out = '';
    const code = slackCli(['manifest', '--prefix', 'news-', '--http', 'https://bot.example/slack/events'], { write: (s: string) => (out += s) }, { write: () => {} });
    expect(code).toBe(0);
    expect(out).toContain('- command: /news-ask');
    expect(out).toContain('request_url: "https://bot.example/slack/events"');
    expect(out).toContain('socket_mode_enabled: false');
    expect(slackCli(['manifest', '--prefix', 'Bad Prefix'], { write: () => {} }, { write: () => {} })).toBe(2);
  });
});
