// One definition of a paragraph: the text between blank lines. Article.text keeps paragraphs
// apart by a blank line ("…in Leeds.\n\nPolice said…"); a single line break stays inside its
// paragraph. The tagger's sentences are cut at these breaks, and each sentence of the facts
// carries the number of the paragraph it is in.

/** A paragraph break: two line breaks with nothing but white space between them. */
export const PARAGRAPH_BREAK = /\n\s*\n/;

/** Whether a stretch of text (a gap between sentences or tokens) holds a paragraph break. */
export function hasParagraphBreak(text: string): boolean {
  return PARAGRAPH_BREAK.test(text);
}
