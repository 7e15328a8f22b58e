// A feed server on 127.0.0.1 for the digest tests: RSS and Atom feeds whose items the test
// changes between polls, article pages, and the misbehaving sources a digest must survive
// (malformed XML, a 50 MB body, a response that never comes, a redirect loop).
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FakeItem {
  guid?: string;
  /** Path on this server ("/page/x") or an absolute URL. */
  link?: string;
  title: string;
  /** ISO date-time. */
  published: string;
  /** HTML or text body carried in the feed (description / content). */
  body: string;
}

/** What /feed.xml does right now. */
export type FeedMode = 'rss' | 'atom' | 'malformed' | 'huge' | 'hang' | 'loop' | 'error500';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export class FeedServer {
  url = '';
  rssItems: FakeItem[] = [];
  atomItems: FakeItem[] = [];
  /** Path → HTML page. */
  pages = new Map<string, string>();
  mode: FeedMode = 'rss';
  feedTitle = 'Harbour Gazette';
  /** Requests per path, and how many were answered 304. */
  hits = new Map<string, number>();
  notModified = 0;
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();

  private constructor() {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  static async start(): Promise<FeedServer> {
    const fake = new FeedServer();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  private link(item: FakeItem): string | undefined {
    if (!item.link) return undefined;
    return item.link.startsWith('/') ? this.url + item.link : item.link;
  }

  rss(items = this.rssItems): string {
    const entries = items.map((i) => {
      const link = this.link(i);
      return `<item>${i.guid ? `<guid isPermaLink="false">${esc(i.guid)}</guid>` : ''}<title>${esc(i.title)}</title>` +
        `${link ? `<link>${esc(link)}</link>` : ''}<pubDate>${new Date(i.published).toUTCString()}</pubDate>` +
        `<description>${esc(i.body)}</description></item>`;
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${esc(this.feedTitle)}</title>` +
      `<link>${this.url}/</link><description>Local news</description>${entries.join('\n')}</channel></rss>`;
  }

  atom(items = this.atomItems): string {
    const entries = items.map((i) => {
      const link = this.link(i);
      return `<entry><id>${esc(i.guid ?? link ?? i.title)}</id><title>${esc(i.title)}</title>${link ? `<link rel="alternate" href="${esc(link)}"/>` : ''}` +
        `<updated>${i.published}</updated><published>${i.published}</published><author><name>Staff</name></author>` +
        `<content type="html">${esc(i.body)}</content></entry>`;
    });
    return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(this.feedTitle)} (Atom)</title>` +
      `<id>${this.url}/atom.xml</id><updated>2025-01-01T00:00:00Z</updated>${entries.join('\n')}</feed>`;
  }

  /** Serves a document with an ETag and answers If-None-Match with 304. */
  private conditional(req: http.IncomingMessage, res: http.ServerResponse, body: string, type: string): void {
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      this.notModified++;
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': type, etag }).end(body);
  }

  private feed(req: http.IncomingMessage, res: http.ServerResponse): void {
    switch (this.mode) {
      case 'rss':
        return this.conditional(req, res, this.rss(), 'application/rss+xml; charset=utf-8');
      case 'atom':
        return this.conditional(req, res, this.atom(), 'application/atom+xml; charset=utf-8');
      case 'malformed':
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<?xml version="1.0"?><rss><channel><title>Broken</title><item><title>Oops</item></channel>');
        return;
      case 'huge':
        return this.huge(res);
      case 'hang':
        return; // never answers; the socket is destroyed when the server closes
      case 'loop':
        res.writeHead(302, { location: '/loop/a' }).end();
        return;
      case 'error500':
        res.writeHead(500).end('boom');
    }
  }

  /** 50 MB of a syntactically plausible feed, streamed with back-pressure until the client hangs up. */
  private huge(res: http.ServerResponse): void {
    const total = 50 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, '<item><title>x</title></item>\n');
    let sent = 0;
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>');
    const pump = () => {
      while (sent < total && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end('</channel></rss>');
    };
    res.on('close', () => { sent = total; });
    pump();
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = new URL(req.url ?? '/', this.url).pathname;
    this.hits.set(path, (this.hits.get(path) ?? 0) + 1);
    if (path === '/feed.xml') return this.feed(req, res);
    if (path === '/rss.xml') return this.conditional(req, res, this.rss(), 'application/rss+xml; charset=utf-8');
    if (path === '/atom.xml') return this.conditional(req, res, this.atom(), 'application/atom+xml; charset=utf-8');
    if (path === '/loop/a') return void res.writeHead(302, { location: '/loop/b' }).end();
    if (path === '/loop/b') return void res.writeHead(301, { location: `${this.url}/loop/a` }).end();
    if (path === '/to-private.xml') return void res.writeHead(302, { location: 'http://10.255.255.1/feed.xml' }).end();
    const page = this.pages.get(path);
    if (page) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A news page wrapped in the chrome real sites have: navigation, a cookie banner, promos, a footer. */
export function pageWithChrome(title: string, paragraphs: string[]): string {
  return `<!doctype html><html><head><title>${esc(title)} | Harbour Gazette</title>
<meta property="og:title" content="${esc(title)}"><meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2025-03-04T09:00:00Z"></head>
<body>
<header><nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your experience. By continuing you accept all cookies.</p><button>Accept all</button></div>
<main><article><h1>${esc(title)}</h1>
<div class="newsletter-promo"><p>Sign up for our morning newsletter and get the news in your inbox.</p></div>
${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
<p>Advertisement</p>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/x">Council approves budget</a></li><li><a href="/y">Road closures this week</a></li></ul></aside>
</article></main>
<footer><p>© Harbour Gazette. All rights reserved.</p><nav><a href="/privacy">Privacy</a></nav></footer>
</body></html>`;
}
