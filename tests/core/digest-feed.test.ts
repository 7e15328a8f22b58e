// The readers digests rely on: feed XML → entries, and a page → article body without chrome.
import { describe, expect, it } from 'vitest';
import { parseFeed, looksLikeTeaser } from '../../src/knowledge/ingest/feed.ts';
import { htmlFragmentText, readHtml } from '../../src/knowledge/ingest/html.ts';
import { entryKey } from '../../src/core/digest/sources.ts';
import { storyParagraphs } from '../fakes/feeds/articles.ts';

const LONG = storyParagraphs(2).join(' ');

describe('parseFeed', () => {
  it('reads RSS 2.0 with content:encoded, CDATA, entities and relative links', () => {
    const feed = parseFeed(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Town &amp; Country</title><link>https://news.example/</link>
<item><guid isPermaLink="false">0042</guid><title>Bridge &lt;b&gt;reopens&lt;/b&gt;</title><link>/a/bridge</link>
<pubDate>Tue, 04 Mar 2025 09:30:00 +0100</pubDate><dc:creator>A. Writer</dc:creator>
<description>Short teaser</description><content:encoded><![CDATA[<p>${LONG}</p><p>Second paragraph.</p>]]></content:encoded></item>
</channel></rss>`, 'https://news.example/feed.xml');
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Town & Country');
    const [e] = feed.entries;
    expect(e.guid).toBe('0042');
    expect(e.title).toBe('Bridge reopens');
    expect(e.link).toBe('https://news.example/a/bridge');
    expect(e.published).toBe('2025-03-04T08:30:00.000Z');
    expect(e.author).toBe('A. Writer');
    expect(e.text).toBe(`${LONG}\n\nSecond paragraph.`);
    expect(e.teaser).toBe(false);
  });

  it('reads Atom, an empty Atom feed and RSS 1.0', () => {
    const atom = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Wire</title>
<entry><id>tag:wire,2025:1</id><title>Storm warning</title><link rel="self" href="https://w.example/self"/><link rel="alternate" href="https://w.example/1"/>
<updated>2025-03-05T10:00:00Z</updated><summary>Gales expected… Read more</summary><author><name>Desk</name></author></entry></feed>`);
    expect(atom.entries[0]).toMatchObject({ guid: 'tag:wire,2025:1', link: 'https://w.example/1', author: 'Desk', teaser: true });
    expect(parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet</title></feed>').entries).toEqual([]);
    const rdf = parseFeed(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel><title>Old school</title><link>https://o.example/</link></channel><item><title>One</title><link>https://o.example/1</link><description>${LONG}</description></item></rdf:RDF>`);
    expect(rdf.entries[0]).toMatchObject({ link: 'https://o.example/1', teaser: false });
  });

  it('names what is wrong with a bad document', () => {
    expect(() => parseFeed('<rss><channel><item><title>x</item></channel></rss>')).toThrow(/malformed XML at line 1/);
    expect(() => parseFeed('<html><body>hi</body></html>')).toThrow(/not an RSS or Atom feed \(root element <html>\)/);
    expect(() => parseFeed('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa">]><rss><channel><title>&a;</title></channel></rss>')).toThrow(/entities/);
    expect(() => parseFeed('  ')).toThrow(/empty/);
  });

  it('identifies items by guid, then link, then content — never by date', () => {
    expect(entryKey({ guid: 'x', link: 'https://l', title: 't', text: 'b' })).toBe('g:x');
    expect(entryKey({ guid: null, link: 'https://l', title: 't', text: 'b' })).toBe('l:https://l');
    expect(entryKey({ guid: null, link: null, title: 't', text: 'b' })).toBe(entryKey({ guid: null, link: null, title: 't', text: 'b' }));
    expect(entryKey({ guid: null, link: null, title: 't', text: 'b' })).not.toBe(entryKey({ guid: null, link: null, title: 't', text: 'c' }));
    expect(looksLikeTeaser(LONG)).toBe(false);
    expect(looksLikeTeaser(`${LONG} Continue reading`)).toBe(true);
  });
});

describe('page chrome', () => {
  it('keeps the article and drops navigation, cookie banners, promos and related links', () => {
    const html = `<html><head><title>Dock strike ends | Gazette</title></head><body>
<div class="top-navbar"><a href="/">Home</a> <a href="/world">World</a></div>
<div class="cmp-consent"><p>This site uses cookies. Accept all cookies to continue.</p></div>
<main><article><h1>Dock strike ends</h1>${storyParagraphs(3).map((p) => `<p>${p}</p>`).join('')}
<div class="promo-box"><p>Subscribe now for unlimited access.</p></div>
<p>Sign up for our daily newsletter to get these stories in your inbox.</p>
<section class="share-tools"><p>Share this article</p></section>
</article></main><div class="related-stories"><ul><li>Another story</li></ul></div></body></html>`;
    const draft = readHtml(html, 'https://g.example/dock');
    for (const p of storyParagraphs(3)) expect(draft.text).toContain(p);
    expect(draft.text).not.toMatch(/cookies|Subscribe now|newsletter|Share this|Another story|World/);
  });

  it('does not drop an article whose wrapper has a chrome-like class name', () => {
    const body = storyParagraphs(5).concat(storyParagraphs(6), storyParagraphs(7)).map((p) => `<p>${p}</p>`).join('');
    const draft = readHtml(`<html><body><div class="content share-layout">${body}</div></body></html>`);
    expect(draft.text).toContain(storyParagraphs(6)[2]);
  });

  it('turns feed HTML fragments into paragraphs', () => {
    expect(htmlFragmentText('<p>One.</p><p>Two <b>bold</b>.</p>')).toBe('One.\n\nTwo bold.');
    expect(htmlFragmentText('Plain &amp; simple')).toBe('Plain & simple');
  });
});
