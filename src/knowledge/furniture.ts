// Page furniture: lines of a scraped page that are not the news (captions, credits, promos,
// share bars, embedded posts). Summaries skip them and answers prefer real sentences.

/** Text that marks a line as furniture wherever it appears. */
export const FURNITURE =
  /scroll down|click here|read more|follow us|sign up|subscribe|pic\.twitter|https?:\/\/|www\.|share this|published:|updated:|last updated|e-?mail to a friend|all rights reserved|copyright|\bvideo:|watch the video|see more|related:|getty images|\bphoto:|image caption|media caption|image copyright|media playback/i;

export function isFurniture(sentence: string): boolean {
  return FURNITURE.test(sentence);
}
