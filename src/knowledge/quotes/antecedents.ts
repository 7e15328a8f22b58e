// The antecedents a pronoun speaker may refer to ("he said", "it said"), tracked by kind while
// the article is walked in order, with speakers preferred over other mentions.
import type { Referent } from './lexicon.ts';
import type { Gender } from './names.ts';

export type SpeakerClass = { referent: 'person'; gender: Gender } | { referent: 'organization' | 'group' | 'unknown' };

export interface Antecedent {
  at: number;
  /** A subject the narration introduces ("… director Jennifer Palmieri came …"), outside any quote. */
  narratedSubject?: boolean;
  name: string;
  entity?: string;
  cls: SpeakerClass;
}

/** Tracks the latest antecedent of each kind while walking the article in order. */
class Tracker {
  male: Antecedent | null = null;
  female: Antecedent | null = null;
  organization: Antecedent | null = null;
  group: Antecedent | null = null;

  see(a: Antecedent): void {
    const c = a.cls;
    if (c.referent === 'person') {
      if (c.gender !== 'female') this.male = a;
      if (c.gender !== 'male') this.female = a;
    } else if (c.referent === 'organization') {
      this.organization = a;
      this.group = a;
    } else if (c.referent === 'group') {
      this.group = a;
    } else {
      // An unknown proper noun ("Figueroa"): a person or an organisation.
      this.male = a;
      this.female = a;
      this.organization = a;
    }
  }

  find(referent: Referent): Antecedent | null {
    if (referent === 'male') return this.male;
    if (referent === 'female') return this.female;
    if (referent === 'organization') return this.organization;
    if (referent === 'group') return this.group;
    return this.male ?? this.female;
  }
}

/**
 * Speakers are preferred antecedents: "Flynn said Trump was right, he added" — "he" is the
 * speaker, not the last man named, as long as that speaker is recent (two paragraphs).
 */
export class Antecedents {
  readonly mentions = new Tracker();
  readonly speakers = new Tracker();
  readonly speakerParagraph = new Map<Antecedent, number>();

  see(a: Antecedent, speakerParagraph?: number): void {
    this.mentions.see(a);
    if (speakerParagraph !== undefined) {
      this.speakers.see(a);
      this.speakerParagraph.set(a, speakerParagraph);
    }
  }

  find(referent: Referent, paragraph: number): Antecedent | null {
    const speaker = this.speakers.find(referent);
    const mention = this.mentions.find(referent);
    // "Aides … . Communications director Jo Hart came back to talk. “…,” she told reporters":
    // a person the narration has since made a sentence's subject is nearer than the last speaker.
    if (mention && speaker && mention.narratedSubject && mention.at > speaker.at) return mention;
    if (speaker && paragraph - (this.speakerParagraph.get(speaker) ?? -99) <= 2) return speaker;
    return mention;
  }
}

/** An antecedent, every one with the same fields in the same order (one object shape for the hot walks over them). */
export function antecedent(at: number, name: string, entity: string | undefined, cls: SpeakerClass): Antecedent {
  return { at, narratedSubject: false, name, entity, cls };
}

/** Bits of a sort key that hold the list position; the offset takes the rest of 32 bits. */
const POSITION_BITS = 11;
const POSITION_MASK = (1 << POSITION_BITS) - 1;
const MAX_KEYED_OFFSET = 2 ** (32 - POSITION_BITS);

/**
 * Sorts antecedents by offset in place, ties kept in list order (a stable sort by `at`). Each
 * is keyed by offset and list position in one 32-bit integer, and the keys are sorted as a
 * typed array: no comparator call per comparison (hundreds of antecedents per article).
 * Lists or offsets too large for the key take the plain sort.
 */
export function sortInTextOrder(antecedents: Antecedent[]): void {
  const n = antecedents.length;
  const keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const at = antecedents[i].at;
    if (n > POSITION_MASK + 1 || !Number.isInteger(at) || at < 0 || at >= MAX_KEYED_OFFSET) {
      antecedents.sort((a, b) => a.at - b.at);
      return;
    }
    keys[i] = at * (POSITION_MASK + 1) + i;
  }
  keys.sort();
  const copy = antecedents.slice();
  for (let i = 0; i < n; i++) antecedents[i] = copy[keys[i] & POSITION_MASK];
}

