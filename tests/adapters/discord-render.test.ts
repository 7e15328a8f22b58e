// Reply → Discord payloads: Discord's limits hold for any reply size, and nothing is lost.
import { describe, expect, it } from 'vitest';
import { reply, type Reply, type ReplySource } from '../../src/core/reply.ts';
import { escapeMarkdown, renderReply, splitText, truncate, type DiscordMessage } from '../../src/adapters/discord/render.ts';
import { slashCommands } from '../../src/adapters/discord/commands.ts';
import { conversationKey, questionIn } from '../../src/adapters/discord/index.ts';
import { COMMANDS } from '../../src/core/commands.ts';
import { payloadLimitProblems } from '../fakes/discord/limits.ts';

const source: ReplySource = {
  articleId: 'a1',
  title: 'Harbour ferry returns after winter repairs',
  url: 'https://news.example.org/ferry',
  outlet: 'Coastline Gazette',
  published: '2023-04-11T08:00:00Z',
};

/** A sentence-shaped text of about `n` characters. */
function longText(n: number): string {
  const sentence = 'The ferry captain, Ines Halvorsen, said the crossing would run every hour in summer. ';
  return sentence.repeat(Math.ceil(n / sentence.length)).slice(0, n).trim();
}

function allText(messages: DiscordMessage[]): string {
  return messages
    .flatMap((m) => [m.content ?? '', ...m.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? ''])])
    .join('\n');
}

function expectWithinLimits(messages: DiscordMessage[]): void {
  for (const m of messages) {
    expect(payloadLimitProblems(m)).toEqual([]);
    expect(m.allowedMentions.parse).toEqual([]);
    expect(Boolean(m.content) || m.embeds.length > 0).toBe(true);
  }
}

describe('Discord rendering', () => {
  it('puts the answer, the quoted sentence, the linked title and outlet/date in one embed', () => {
    const messages = renderReply(
      reply('answer', 'Ines Halvorsen.', { quotes: [{ text: 'Captain Ines Halvorsen said the ferry is back.', source }] }),
    );
    expect(messages).toHaveLength(1);
    const [embed] = messages[0].embeds;
    expect(embed.title).toBe(source.title);
    expect(embed.url).toBe(source.url);
    expect(embed.description).toContain('Ines Halvorsen.');
    expect(embed.description).toContain('> Captain Ines Halvorsen said the ferry is back.');
    expect(embed.footer?.text).toBe('Coastline Gazette · 2023-04-11');
  });

  it('splits a 5,000-character answer within the description limit and keeps every word', () => {
    const text = longText(5000);
    const messages = renderReply(reply('answer', text, { quotes: [{ text: 'A short quote.', source }] }));
    expectWithinLimits(messages);
    const descriptions = messages.flatMap((m) => m.embeds.map((e) => e.description ?? '')).join(' ');
    expect(descriptions.replace(/\s+/g, ' ')).toContain(text.replace(/\s+/g, ' ').slice(-200));
    expect(messages.flatMap((m) => m.embeds).length).toBeGreaterThan(1);
  });

  it('keeps enormous replies within 10 embeds and 6,000 characters per message', () => {
    const big: Reply = reply('summary', longText(30_000), {
      title: 'T'.repeat(400),
      url: 'https://news.example.org/t',
      fields: Array.from({ length: 40 }, (_, i) => ({ name: `Field ${i} `.repeat(40), value: longText(2500) })),
      quotes: Array.from({ length: 15 }, (_, i) => ({ text: longText(3000), source: { ...source, articleId: `a${i}`, title: 'Q'.repeat(300) } })),
      items: Array.from({ length: 60 }, (_, i) => ({ title: `Item ${i}`, detail: longText(900), source })),
    });
    const messages = renderReply(big);
    expect(messages.length).toBeGreaterThan(1);
    expectWithinLimits(messages);
  });

  it('sends info and errors as plain text, split at 2,000 characters', () => {
    const messages = renderReply(reply('info', longText(4500)));
    expect(messages.length).toBe(3);
    expectWithinLimits(messages);
    expect(messages.every((m) => m.embeds.length === 0)).toBe(true);
  });

  it('renders an article list with linked titles', () => {
    const messages = renderReply(reply('list', '1 article', { items: [{ title: source.title, detail: 'Back in service.', source }] }));
    expect(allText(messages)).toContain(`[${source.title}](${source.url})`);
  });

  it('escapes markdown from article text so it shows as written', () => {
    expect(escapeMarkdown('a *b* _c_ [d](e)')).toBe('a \\*b\\* \\_c\\_ \\[d\\](e)');
    expect(escapeMarkdown('# not a heading\nmid-word - dash')).toBe('\\# not a heading\nmid-word - dash');
  });

  it('truncates and splits at word boundaries', () => {
    expect(truncate('one two three four five', 16)).toBe('one two three…');
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
    expect(splitText('First sentence here. Second sentence here.', 30)).toEqual(['First sentence here.', 'Second sentence here.']);
    expect(splitText('x'.repeat(25), 10).map((c) => c.length)).toEqual([10, 10, 5]);
  });

  it('ignores URLs that are not http(s)', () => {
    const [m] = renderReply(reply('answer', 'x', { quotes: [{ text: 'q', source: { ...source, url: 'javascript:alert(1)' } }] }));
    expect(m.embeds[0].url).toBeUndefined();
  });
});

describe('Discord slash commands', () => {
  it('has one chat-input command per core command, string options with required ones first', () => {
    const commands = slashCommands();
    expect(commands.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
    for (const c of commands) {
      expect(c.name).toMatch(/^[a-z0-9_-]{1,32}$/);
      expect(c.description.length).toBeLessThanOrEqual(100);
      const required = (c.options ?? []).map((o) => ('required' in o ? Boolean(o.required) : false));
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
    }
    const ask = commands.find((c) => c.name === 'ask');
    expect(ask?.options?.[0]).toMatchObject({ name: 'question', type: 3, required: true });
  });
});

describe('Discord message routing', () => {
  const bot = { id: '111111111111111111', roleId: '222222222222222222' };
  const base = { channelId: '333333333333333333', guildId: '444444444444444444', mentionsBot: false };

  it('takes the question from a mention, without the mention itself', () => {
    expect(questionIn({ ...base, mentionsBot: true, content: `<@${bot.id}> Who won?` }, bot, [])).toBe('Who won?');
    expect(questionIn({ ...base, mentionsBot: true, content: `Hey <@!${bot.id}>, who won?` }, bot, [])).toBe('Hey , who won?');
    expect(questionIn({ ...base, mentionsBot: true, content: `<@&${bot.roleId}> who won?` }, bot, [])).toBe('who won?');
  });

  it('answers DMs and listen channels without a mention, and nothing else', () => {
    expect(questionIn({ ...base, content: 'Who won?' }, bot, [])).toBeNull();
    expect(questionIn({ ...base, guildId: null, content: 'Who won?' }, bot, [])).toBe('Who won?');
    expect(questionIn({ ...base, content: 'Who won?' }, bot, [base.channelId])).toBe('Who won?');
  });

  it('keys conversations by channel (a thread is a channel) and user, and by user in DMs', () => {
    // Two people in one channel each keep their own follow-up context.
    expect(conversationKey({ guildId: 'g', channelId: 'c1', userId: 'u1' })).not.toBe(conversationKey({ guildId: 'g', channelId: 'c1', userId: 'u2' }));
    expect(conversationKey({ guildId: 'g', channelId: 'c1', userId: 'u1' })).toBe(conversationKey({ guildId: 'g', channelId: 'c1', userId: 'u1' }));
    // A thread has its own channel id: it starts without the parent channel's context.
    expect(conversationKey({ guildId: 'g', channelId: 'thread-of-c1', userId: 'u1' })).not.toBe(conversationKey({ guildId: 'g', channelId: 'c1', userId: 'u1' }));
    expect(conversationKey({ guildId: 'g', channelId: 'c1', userId: 'u1' })).not.toBe(conversationKey({ guildId: 'g', channelId: 'c2', userId: 'u1' }));
    expect(conversationKey({ guildId: null, channelId: 'd1', userId: 'u1' })).not.toBe(conversationKey({ guildId: null, channelId: 'd2', userId: 'u2' }));
  });
});
