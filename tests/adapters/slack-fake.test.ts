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

  it('allows a response_url five uses, like Slack', async () => {
    const url = fake.newResponseUrl();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: `n${i}` }) })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
  });
});
