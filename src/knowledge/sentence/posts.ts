// Posts embedded in an article (a tweet quoted with its byline): who wrote the words, and which
// dates are only the post's.
import type { TimeFact } from '../facts.ts';

/** The date line of an embedded post ("— Ann Lee (@annlee) October 31, 2016") says when it was posted, not when anything happened. */
export function postedAt(text: string, t: TimeFact): boolean {
  return /\(@\w+\)\s*(on\s+)?$/.test(text.slice(Math.max(0, t.start - 40), t.start));
}

/** An embedded post's byline after its words, in the same paragraph: "— Jane Roe (@janeroe) September 12, 2025". */
const POST_BYLINE = /^[^\n]*?[—–]\s*([^\n()—–]{2,60}?)\s*\((@\w{1,30})\)\s*((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4})/u;

/** The author, handle and date of the post whose words start at `from`, from the byline that follows them. */
export function postAuthor(text: string, from: number): { name: string; handle: string; date: string } | null {
  const m = POST_BYLINE.exec(text.slice(from, from + 1500));
  return m ? { name: m[1].trim(), handle: m[2], date: m[3] } : null;
}
