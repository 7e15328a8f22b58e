// The fake Slack itself, checked against what the real Web API does, so the end-to-end tests
// rest on a referee that behaves like Slack: both body encodings, token kinds, error shapes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../fakes/slack/server.ts';

let fake: FakeSlack;
beforeEach(async () => {
  fake = await new FakeSlack().start();
});
afterEach(async () => {
  await fake.stop();
});

function call(method: string, body: string, contentType: string, token = 'xoxb-1') {
  return fetch(`${fake.apiUrl}${method}`, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${token}` }, body });
}

describe('fake Slack Web API', () => {
  it('accepts chat.postMessage as JSON and as a form with JSON-encoded blocks', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }];
    const asJson = await (await call('chat.postMessage', JSON.stringify({ channel: 'C1', text: 'hi', blocks }), 'application/json; charset=utf-8')).json();
    const asForm = await (await call('chat.postMessage', new URLSearchParams({ channel: 'C1', text: 'hi', blocks: JSON.stringify(blocks) }).toString(), 'application/x-www-form-urlencoded')).json();
    expect(asJson).toMatchObject({ ok: true, channel: 'C1' });
    expect(asForm).toMatchObject({ ok: true, channel: 'C1' });
    expect(fake.calls('chat.postMessage').map((r) => r.body.blocks)).toEqual([blocks, blocks]);
  });

  it('refuses blocks over the limits with invalid_blocks, and a missing channel', async () => {
    const long = [{ type: 'section', text: { type: 'plain_text', text: 'x'.repeat(3001) } }];
    expect(await (await call('chat.postMessage', JSON.stringify({ channel: 'C1', blocks: long }), 'application/json')).json()).toMatchObject({ ok: false, error: 'invalid_blocks' });
    const many = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    expect(await (await call('chat.postMessage', JSON.stringify({ channel: 'C1', text: 't', blocks: many }), 'application/json')).json()).toMatchObject({ ok: false, error: 'invalid_blocks' });
    expect(await (await call('chat.postMessage', JSON.stringify({ text: 't' }), 'application/json')).json()).toMatchObject({ ok: false, error: 'channel_not_found' });
  });

  it('answers ratelimited as HTTP 429 with Retry-After, then recovers', async () => {
    fake.failNext('chat.postEphemeral', { error: 'ratelimited', retryAfter: 7 });
    const limited = await call('chat.postEphemeral', JSON.stringify({ channel: 'C1', user: 'U1', text: 't' }), 'application/json');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(await limited.json()).toEqual({ ok: false, error: 'ratelimited' });
    expect(await (await call('chat.postEphemeral', JSON.stringify({ channel: 'C1', user: 'U1', text: 't' }), 'application/json')).json()).toMatchObject({ ok: true });
  });

  it('tells bot and app tokens apart, and never records a token', async () => {
    expect(await (await call('apps.connections.open', '', 'application/x-www-form-urlencoded', 'xoxb-1')).json()).toMatchObject({ ok: false, error: 'not_allowed_token_type' });
    expect(await (await call('apps.connections.open', '', 'application/x-www-form-urlencoded', 'xapp-1')).json()).toMatchObject({ ok: true, url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/socket/) });
    expect(await (await call('auth.test', '', 'application/x-www-form-urlencoded', 'xapp-1')).json()).toMatchObject({ ok: false });
    expect(JSON.stringify(fake.requests)).not.toMatch(/xoxb-1|xapp-1/);
  });

  it('keeps each channel\'s top-level posts and serves conversations.history newest first, metadata only on request', async () => {
    const metadata = { event_type: 'lede_post', event_payload: { post_id: 'p1' } };
    await call('chat.postMessage', JSON.stringify({ channel: 'C1', text: 'first', metadata }), 'application/json');
    await call('chat.postMessage', new URLSearchParams({ channel: 'C1', text: 'second' }).toString(), 'application/x-www-form-urlencoded');
    await call('chat.postMessage', JSON.stringify({ channel: 'C1', text: 'in a thread', thread_ts: '1700000000.000001' }), 'application/json');
    await call('chat.postMessage', JSON.stringify({ channel: 'C2', text: 'elsewhere' }), 'application/json');
    fake.addMessage('C1', { text: 'a person', user: 'U1' });

    const all = await (await call('conversations.history', new URLSearchParams({ channel: 'C1', limit: '2', include_all_metadata: 'true' }).toString(), 'application/x-www-form-urlencoded')).json();
    expect(all).toMatchObject({ ok: true, has_more: true, response_metadata: { next_cursor: expect.any(String) } });
    expect(all.messages.map((m: { text: string }) => m.text)).toEqual(['a person', 'second']);
    const page = await (await call('conversations.history', JSON.stringify({ channel: 'C1', include_all_metadata: true }), 'application/json')).json();
    expect(page.has_more).toBe(false);
    expect(page.messages.map((m: { text: string }) => m.text)).toEqual(['a person', 'second', 'first']);
    expect(page.messages[2]).toMatchObject({ type: 'message', user: 'U0LEDEBOT', bot_id: 'B0LEDE', metadata });
    expect(page.messages[0]).toEqual({ type: 'message', ts: expect.any(String), text: 'a person', user: 'U1' });
    const plain = await (await call('conversations.history', JSON.stringify({ channel: 'C1' }), 'application/json')).json();
    expect(plain.messages[2].metadata).toBeUndefined();
  });

  it('refuses malformed message metadata as Slack does, and fails history with missing_scope when told', async () => {
    expect(await (await call('chat.postMessage', new URLSearchParams({ channel: 'C1', text: 't', metadata: '{not json' }).toString(), 'application/x-www-form-urlencoded')).json()).toMatchObject({ ok: false, error: 'invalid_metadata_format' });
    expect(await (await call('chat.postMessage', JSON.stringify({ channel: 'C1', text: 't', metadata: { event_payload: {} } }), 'application/json')).json()).toMatchObject({ ok: false, error: 'invalid_metadata_schema' });
    expect(fake.history('C1')).toEqual([]);
    fake.failNext('conversations.history', { error: 'missing_scope', needed: 'channels:history' });
    expect(await (await call('conversations.history', JSON.stringify({ channel: 'C1' }), 'application/json')).json()).toMatchObject({ ok: false, error: 'missing_scope', needed: 'channels:history' });
  });

  it('allows a response_url five uses, like Slack', async () => {
    const url = fake.newResponseUrl();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: `n${i}` }) })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
  });
});
