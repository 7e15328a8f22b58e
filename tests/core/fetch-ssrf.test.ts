// The address guard of feed and page fetches, over many ways of writing an address that is not
// the public internet: IPv4 in decimal, octal and hex forms, IPv6 transition prefixes that embed
// an IPv4 address (NAT64, 6to4, Teredo, mapped, compatible), and the special IPv6 ranges.
// A chat user is told only that the address is not allowed; the operator log says what it was.
import { describe, expect, it } from 'vitest';
import { FetchError, isNonPublicAddress, parseWebUrl, resolveAllowed, safeFetch } from '../../src/core/fetch.ts';
import { logCapture } from './log-capture.ts';

const REFUSED: Array<[address: string, why: string]> = [
  ['0.0.0.0', 'this network'],
  ['10.1.2.3', 'private'],
  ['100.64.0.1', 'shared address space (CGN)'],
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['169.254.169.254', 'link-local (cloud metadata)'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.0.0.8', 'IETF protocol assignments'],
  ['192.0.2.1', 'documentation'],
  ['192.88.99.1', '6to4 relay anycast'],
  ['192.168.1.1', 'private'],
  ['198.18.0.1', 'benchmarking'],
  ['198.51.100.7', 'documentation'],
  ['203.0.113.9', 'documentation'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.255', 'broadcast'],
  ['::', 'unspecified'],
  ['::1', 'loopback'],
  ['::127.0.0.1', 'IPv4-compatible (deprecated)'],
  ['::8.8.8.8', 'IPv4-compatible (deprecated), even of a public address'],
  ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
  ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
  ['::ffff:10.0.0.1', 'IPv4-mapped private'],
  ['::ffff:a9fe:a9fe', 'IPv4-mapped metadata address'],
  ['::ffff:0:7f00:1', 'IPv4-translated'],
  ['64:ff9b::7f00:1', 'NAT64 of loopback'],
  ['64:ff9b::10.0.0.1', 'NAT64 of private'],
  ['64:ff9b::a9fe:a9fe', 'NAT64 of the metadata address'],
  ['64:ff9b:1::1', 'local-use NAT64'],
  ['64:ff9b:1::808:808', 'local-use NAT64, even of a public address'],
  ['2002:7f00:1::1', '6to4 of loopback'],
  ['2002:808:808::1', '6to4 (deprecated; embeds any IPv4)'],
  ['2001::1', 'Teredo'],
  ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'Teredo with an obfuscated client address'],
  ['2001:2::1', 'benchmarking'],
  ['2001:10::1', 'ORCHID'],
  ['2001:db8::1', 'documentation'],
  ['3fff::1', 'documentation (RFC 9637)'],
  ['100::1', 'discard-only'],
  ['fc00::1', 'unique local'],
  ['fd12:3456:789a::1', 'unique local'],
  ['fe80::1', 'link-local'],
  ['febf:ffff::1', 'link-local'],
  ['fec0::1', 'site-local (deprecated)'],
  ['ff02::1', 'multicast'],
  ['ff0e::1', 'multicast, global scope'],
  ['4000::1', 'unassigned (outside 2000::/3)'],
  ['not-an-address', 'unparsable'],
];

const PUBLIC: string[] = ['8.8.8.8', '1.1.1.1', '93.184.216.34', '172.32.0.1', '100.128.0.1', '192.0.3.1', '2606:4700:4700::1111', '2001:4860:4860::8888', '2a00:1450:4001:81c::200e', '::ffff:8.8.8.8', '64:ff9b::808:808'];

describe('isNonPublicAddress', () => {
  it.each(REFUSED)('refuses %s (%s)', (address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });
  it.each(PUBLIC)('allows %s', (address) => {
    expect(isNonPublicAddress(address)).toBe(false);
  });
});

// How URLs spell loopback and private hosts; each must be refused before any connection.
const URL_FORMS = [
  'http://2130706433/',
  'http://0x7f000001/',
  'http://017700000001/',
  'http://0177.0.0.1/',
  'http://0x7f.0.0.1/',
  'http://127.1/',
  'http://127.0.1/',
  'http://0/',
  'http://167772161/', // 10.0.0.1
  'http://[::ffff:127.0.0.1]/',
  'http://[::ffff:7f00:1]/',
  'http://[64:ff9b::127.0.0.1]/',
  'http://[2002:7f00:1::]/',
  'http://[::127.0.0.1]/',
  'http://[0:0:0:0:0:0:0:1]/',
  'http://[fe80::1]/',
  'http://localhost/',
  'http://LOCALHOST/',
];

describe('URLs that spell a private address', () => {
  it.each(URL_FORMS)('refuses %s', async (raw) => {
    const url = parseWebUrl(raw);
    await expect(resolveAllowed(url.hostname)).rejects.toMatchObject({ code: 'refused' });
  });
});

describe('what the refusal says, and to whom', () => {
  const { lines, capture } = logCapture();

  it('tells the user "not allowed" without the resolved address; the operator log has it', async () => {
    capture();
    const error = await safeFetch('http://localhost:9/feed.xml', { timeoutMs: 5000 }).catch((e) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect(error.code).toBe('refused');
    expect(error.message).toContain('that address is not allowed');
    expect(error.message).not.toMatch(/127\.0\.0\.1|::1/);
    const logged = lines.join('');
    expect(logged).toMatch(/"host":"localhost"/);
    expect(logged).toMatch(/"address":"(127\.0\.0\.1|::1)"/);
  });
});
