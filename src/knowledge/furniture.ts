// Page furniture: lines of a scraped page that are not the news (captions, credits, promos,
// share bars, embedded posts). Summaries skip them and answers prefer real sentences.
import type { NlpDoc } from './nlp.ts';

/** Text that marks a line as furniture wherever it appears. */
export const FURNITURE =
  /scroll down|click here|read more|follow us|sign up|subscribe|pic\.twitter|https?:\/\/|www\.|share this|published:|updated:|last updated|e-?mail to a friend|all rights reserved|copyright|\bvideo:|watch the video|see more|related:|getty images|\bphoto:|image caption|media caption|image copyright|media playback/i;

export function isFurniture(sentence: string): boolean {
  return FURNITURE.test(sentence);
}

const furnitureByDoc = new WeakMap<NlpDoc, Uint8Array>();

/** For each sentence of a document: 1 when it is furniture. Tested once per document, however many extractors ask. */
export function furnitureSentences(doc: NlpDoc): Uint8Array {
  let flags = furnitureByDoc.get(doc);
  if (!flags) {
    flags = new Uint8Array(doc.sentences.length);
    for (let i = 0; i < doc.sentences.length; i++) {
      const s = doc.sentences[i];
      if (isFurniture(doc.text.slice(s.start, s.end))) flags[i] = 1;
    }
    furnitureByDoc.set(doc, flags);
  }
  return flags;
}
