// One article's quote extraction in progress: its words, the drafts found so far, and which
// words they already hold (a word belongs to at most one attribution).
import type { QuoteKind } from '../facts.ts';
import type { WordRange } from './phrases.ts';
import type { Word, WordView } from './words.ts';

/** A cue found in a sentence, with its speaker and where its content lies. */
export interface Cue {
  at: WordRange;
  speaker: WordRange;
  layout: 'after' | 'before' | 'around' | 'according';
  strong: boolean;
  /** The speaker range only anchors the cue ("a growing fear that …"): the attribution has no source. */
  unsourced?: boolean;
  /** "…, as X put it, …": the content comes after the phrase even in mid-sentence. */
  contentFollows?: boolean;
}

export interface Draft {
  content: WordRange;
  /** The words the content really holds when it skips a cue in the middle ("…," he said. "…"). */
  fragments?: WordRange[];
  kind: QuoteKind;
  speaker: WordRange | null;
  cue: WordRange | null;
  /** Continuation: copy the speaker of this earlier draft. */
  inherits?: Draft;
}

export class Extraction {
  readonly words: Word[];
  readonly used: Uint8Array;
  readonly drafts: Draft[] = [];
  /** Speakers of the drafts so far, by the tagger's sentence of their first word. */
  readonly speakersBySentence = new Map<number, WordRange[]>();
  /** Speakers of the drafts so far, by their cue's first word. */
  readonly speakerByCue = new Map<number, WordRange>();

  constructor(readonly text: string, readonly view: WordView) {
    this.words = view.words;
    this.used = new Uint8Array(view.words.length);
  }

  mark(range: WordRange | null): void {
    if (!range) return;
    for (let i = range[0]; i <= range[1]; i++) this.used[i] = 1;
  }

  add(d: Draft): void {
    for (const part of this.splitAtLongGap(d)) {
      this.drafts.push(part);
      if (part.fragments) part.fragments.forEach((f) => this.mark(f));
      else this.mark(part.content);
      this.mark(part.cue);
      this.mark(part.speaker);
      if (part.speaker && part.cue) this.speakerByCue.set(part.cue[0], part.speaker);
      if (part.speaker) {
        const sentence = this.words[part.speaker[0]].sentence;
        const list = this.speakersBySentence.get(sentence);
        if (list) list.push(part.speaker);
        else this.speakersBySentence.set(sentence, [part.speaker]);
      }
    }
  }

  /**
   * One span cannot skip a long cue ("…," said X, an economist who … . "…"): when the words
   * between the fragments outnumber the quoted ones, the later fragments become a second
   * quote of the same speaker.
   */
  splitAtLongGap(d: Draft): Draft[] {
    const f = d.fragments;
    if (!f || f.length < 2) return [d];
    const quoted = f.reduce((n, [a, b]) => n + this.countWords(a, b), 0);
    const gap = this.countWords(f[0][1] + 1, f[f.length - 1][0] - 1) - f.slice(1, -1).reduce((n, [a, b]) => n + this.countWords(a, b), 0);
    if (gap <= quoted) return [d];
    const first: Draft = { ...d, content: [f[0][0], f[0][1]], fragments: [f[0]] };
    const rest = f.slice(1);
    const second: Draft = { content: [rest[0][0], rest[rest.length - 1][1]], fragments: rest, kind: 'direct', speaker: null, cue: null, inherits: first };
    return [first, second];
  }

  countWords(from: number, to: number): number {
    let n = 0;
    for (let i = from; i <= to; i++) if (this.words[i].pos !== 'PUNCT') n++;
    return n;
  }

  sentenceOf(i: number): WordRange {
    return this.view.sentences[this.words[i].sentence];
  }

  /** The text between the quotation's marks, for its final punctuation. */
  innerText(range: WordRange): string {
    const w = this.words;
    // The closing mark may be two words (NYT '' is tokenised as two apostrophes).
    return this.text.slice(w[range[0]].start, w[range[1]].start).replace(/['"\u201d\u2019`]+\s*$/, '');
  }

  /** Index of the quotation that starts exactly at word i, or -1. */
  quotationStartingAt(i: number): number {
    const w = this.words[i];
    if (!w || w.quotation < 0) return -1;
    return this.view.quotationWords[w.quotation][0] === i ? w.quotation : -1;
  }

  lastDraftEndBefore(i: number): number {
    let end = -1;
    for (let d = this.drafts.length - 1; d >= 0 && d >= this.drafts.length - 4; d--) {
      const e = this.drafts[d].content[1];
      if (e < i && e > end) end = e;
    }
    return end;
  }
}
