// A question's kind and its parts, from plain-language patterns ("who said …", "what did X say
// about Y", "how many …"). Pure: no library access.
import { askedNounKind, attributeAsked } from './nouns.ts';
import type { Question, QuestionType } from './types.ts';

const SPEECH = 'say|said|says|tell|told|claim|claimed|argue|argued|note|noted|write|wrote|tweet|tweeted|think|thought|warn|warned|announce|announced|state|stated|add|added|report|reported|mean|believe|suggest|insist|want';

/** Removes chat noise around a question: whitespace, trailing punctuation, polite openers. */
export function cleanQuestion(raw: string): string {
  return raw
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(hey|hi|ok|okay|so|and|but|please|pls)\b[,!]?\s*/i, '')
    .replace(/^(can|could) you (tell me|say)\s*/i, '')
    .replace(/^(tell me|do you know)\s*/i, '')
    // Chat spellings: "wheres", "whats", "hows" → "where is", …
    .replace(/^(where|what|when|how|who)s\b/i, '$1 is')
    // "By how many votes …" asks how many.
    .replace(/^by (how (?:many|much))\b/i, '$1')
    .replace(/[?.!\s]+$/, '');
}

function quoted(text: string): string | undefined {
  const m = /["“”„«»]([^"“”„«»]{2,})["“”„«»]?/.exec(text) ?? /(?:^|\s)['‘]([^'‘’]{4,})['’]/.exec(text);
  return m ? m[1].trim() : undefined;
}

const NEWS = /^(?:what(?:'s| is) (?:new|the latest(?: news)?)|(?:any|the|latest) news|anything new|(?:the )?latest(?: news)?)(?:\s+(?:about|on|with|from|regarding|in)\s+(.+))?$/;
const SUMMARY = /^(?:summar(?:y|ise|ize)|sum up|tl;?dr|(?:give me |what is )?(?:a |the )?(?:short )?summary)(?:\s+(?:(?:of|on|about|for)\s+)?(?!(?:it|this|that|the (?:article|story|news|piece|report))$)(.+))?$/;

export function parseQuestion(raw: string): Question {
  const text = cleanQuestion(raw);
  const lower = text.toLowerCase().replace(/[’]/g, "'");
  const q = (type: QuestionType, extra: Partial<Question> = {}): Question => ({ type, text, ...extra });
  let m: RegExpExecArray | null;

  if (/^(list|show)( me)?( all)?( the)? (articles|stories|news)\b/.test(lower) || /^(what|which) (articles|stories) (do you have|are (there|loaded))/.test(lower)) {
    const rest = /\b(?:about|on|mentioning|with)\s+(.+)$/.exec(text);
    return q('list', { query: rest?.[1] });
  }
  if ((m = /^(?:search( for)?|find|(?:which|what) (?:articles|stories) (?:mention|are about|talk about|cover))\s+(.+)$/i.exec(text))) {
    return q('list', { query: m[2] ?? m[1] });
  }
  if (/^(articles|stories|news) (about|on|mentioning) /.test(lower)) return q('list', { query: text.replace(/^\S+ \S+ /, '') });
  // "What's new about the ferry?", "any news": the newest articles (about it) first.
  if ((m = NEWS.exec(lower))) return m[1] ? q('list', { query: text.slice(text.length - m[1].length), newest: true }) : q('list', { newest: true });
  // "Summarise", "summary of the ferry strike": the article asked for, else the one in focus.
  if ((m = SUMMARY.exec(lower))) return m[1] ? q('summary', { query: text.slice(text.length - m[1].length) }) : q('summary');

  // "Who wrote the article?" asks for the byline ("the measles article": of the article about measles);
  // "who wrote the bill?" is a question about the news.
  if ((m = /^who (?:wrote|authored|is the author of|was the author of)(?: (?:it|this|that|(?:the|this|that) (?:(.+?) )?(?:article|story|piece|report|column)))?$/.exec(lower)) ||
    /^(what|who) is the (author|writer|byline)\b/.test(lower)) return q('meta', { meta: 'author', query: m?.[1] });
  if (/^who (wrote|authored|drafted) (the|a|an|his|her|their|its) [\p{L}-]+( [\p{L}-]+){0,3}$/u.test(lower)) return q('who');
  if (/\b(which|what) (outlet|publication|newspaper|paper|site|website|source|news ?outlet)\b/.test(lower) && /\b(publish|ran|run|from|is (it|this)|wrote|article)\b/.test(lower)) return q('meta', { meta: 'outlet' });
  if (/^when was (it|this|that|the (article|story|piece|report))( \w+)? (published|written|posted|released)\b/.test(lower)) return q('meta', { meta: 'published' });
  if (/^what('s| is) the (title|headline)\b/.test(lower)) return q('meta', { meta: 'title' });
  if (/^(what('s| is) the )?(url|link)\b/.test(lower)) return q('meta', { meta: 'url' });

  if ((m = new RegExp(`^who (?:has |had |have )?(?:${SPEECH})\\b[:,]?\\s*(?:that\\s+)?(.*)$`, 'i').exec(text))) {
    return q('who-said', { quote: quoted(text) ?? m[1].replace(/^["“]|["”]$/g, '').trim() });
  }
  if ((m = new RegExp(`^what (?:did|does|do|has|have|had|was|is|were) (.+?) (?:(?:got|have|had) to )?(?:${SPEECH})(?:ing)?\\b(?:\\s+(?:about|on|regarding|of|to|in)\\s+(.+))?(?:\\s+(.*))?$`, 'i').exec(text))) {
    // "what did X tell reporters after the letter": the rest still says what it was about.
    return q('what-said', { subject: m[1].replace(/^(the )?/i, (x) => x), about: m[2] ?? m[3] });
  }
  if ((m = /^what (?:was|is|were|are) (.+?)(?:'s|s') (?:statement|reaction|response|comment|comments|position|view|message|quote)s?\b(?:\s+(?:about|on)\s+(.+))?/i.exec(text))) {
    return q('what-said', { subject: m[1], about: m[2] });
  }
  if ((m = /^how did (.+?) (?:react|respond|reply)\b(?:\s+(?:to)\s+(.+))?/i.exec(text))) return q('what-said', { subject: m[1], about: m[2] });
  if ((m = /^(?:quotes?|statements?) (?:from|by) (.+)$/i.exec(text))) return q('what-said', { subject: m[1] });

  if ((m = /^(?:what(?:'s| is| was| were)|whats) (?:the )?(?:names? of (?:the )?(.+)|(.+?)(?:'s|s') names?)$/i.exec(text))) {
    const about = (m[1] ?? m[2]).trim();
    // "the name of the kid who fell down the well": the clause says who; a bare role ("the tram driver") must be named next to it.
    if (/\b(who|that|which|whose)\b/i.test(about)) return q('who', { about });
    return q('name', { about });
  }
  if ((m = /^what (?:is|was) (.+?) called$/i.exec(text))) return q('name', { about: m[1] });
  if (/\bname(d|s)?\b/.test(lower) && /^(what|who|whats)\b/.test(lower) && !/^who (is|was)\b/.test(lower)) {
    const about = /name(?:s)? of (?:the )?(.+)$/i.exec(text)?.[1] ?? /(?:the )?(.+?)(?:'s|s') names?\b/i.exec(text.replace(/^\S+\s+(is|was|'s)?\s*/i, ''))?.[1];
    return q('name', { about: about ?? text });
  }

  // "Tell me about Delia Ramirez", "what about the fire": a name is a who-is, a topic a summary.
  if ((m = /^(?:what about|about|more about|anything (?:about|on)|information on|info on) (.+)$/i.exec(text))) {
    const topic = m[1].trim();
    if (/^(the |a |an )?\p{Lu}/u.test(topic) && topic.split(' ').length <= 6 && !/^(the|a|an) /.test(topic)) return q('who-is', { subject: topic });
    if (/^(he|she|him|her|they|them|it)$/i.test(topic)) return q('who-is', { subject: topic });
    // "tell me about ramirez": a short lower-case topic may be a name; answering falls back to the topic.
    if (topic === topic.toLowerCase() && topic.split(' ').length <= 3 && !/^(the|a|an|this|that)\b/.test(topic)) {
      return q('who-is', { subject: topic, nameGuess: true, query: topic });
    }
    return q('what-happened', { query: topic });
  }
  // "who's the senator saying families shouldn't pay city prices": who said the claim. (Read as
  // "… who said …": "saying" is no word of the story, as "said" is none.)
  if ((m = /^who(?:'s| is| was) ((?:the |an? )?(?:[\p{L}'-]+ ){1,4}?)(?:saying|(?:who|that) (?:says|said|claims|claimed)|claiming) (?:that )?(.{8,})$/iu.exec(text))) {
    // (`about`: the role the speaker is asked by, "the senator".)
    return { type: 'who-said', text: text.replace(/\b(?:saying|claiming)\b/i, 'who said'), quote: quoted(text) ?? m[2], about: m[1].trim() };
  }
  // "who is mia benning's dad": the name of a relative.
  if ((m = /^who(?:'s| is| was) ((?:\S+ ){0,5}?\S+['’]s? (?:father|dad|mother|mum|mom|parents|wife|husband|son|daughter|brother|sister))$/i.exec(text))) {
    return q('name', { about: m[1] });
  }
  if ((m = /^who(?:'s| is| was| are| were|s) (.+)$/i.exec(text))) {
    const rest = m[1];
    // "Who is Delia Ramirez", "who is she", "who is DHS" — a name or pronoun, not a clause.
    const words = rest.split(' ');
    const pronoun = /^(he|she|him|her|they|them|it)$/i.test(rest);
    const named = words.length <= 6 && /^(the |a |an )?(\p{Lu}|\d)/u.test(rest) && !/\b(by|in|at|to|for|with|from)\b/.test(rest.replace(/^(the|a|an) /i, ''));
    if (pronoun || named) return q('who-is', { subject: rest.replace(/^(the|a|an) /i, '') });
    // Typed all in lower case ("who is jennifer palmieri"), a short rest may still be a name;
    // answering falls back to a who-question when no one has that name.
    const lowerCaseName = text === lower && words.length <= 4 && !/^(the|a|an|this|that|his|her|their)\b/.test(rest) && !/\b(by|in|at|to|for|with|from|on|of|and|or|not|being|been|going)\b/.test(rest);
    if (lowerCaseName) return q('who-is', { subject: rest, nameGuess: true });
    return q('who', {});
  }
  if (/^(who|whom|whose)\b/.test(lower)) return q('who');
  // "What party is he?" asks what he is, not who did something.
  if (attributeAsked(text)) return q('what');
  if (/^(?:which|what) [a-z]/i.test(lower) && !/^(?:which|what) (?:is|was|are|were|did|does|do|has|have|had)\b/.test(lower)) {
    const kind = askedNounKind(lower.split(' ').slice(1, 4));
    if (kind) return q(kind);
  }
  if (/^(when|what (time|date|day|year|month)|on what (date|day)|at what time|since when|how long ago)\b/.test(lower)) return q('when');
  if (/^(where|in (what|which) (city|country|state|town|place|region|province|area)|what (city|country|state|town|place|region|province|area|location))\b/.test(lower)) return q('where');
  if (/^how (many|much|long|old|far|big|large|often|deep|high|tall|wide|fast|heavy|hot|cold|strong|powerful)\b/.test(lower) ||
    /^what (percentage|percent|proportion|share)\b/.test(lower)) return q('count');
  if (/^(why|for what reason|what (was|is) the (reason|cause|motive))\b/.test(lower)) return q('why');
  if (/^(what happened|what('s| is| was) (it|this|that|the (article|story|news|piece|report)) about|what('s| is) (going on|the story|the news)|what's up)\b/.test(lower)) return q('what-happened');
  if (/^how\b/.test(lower)) return q('how');
  if (/^(what|which)\b/.test(lower)) return q('what');
  return q('unknown');
}
