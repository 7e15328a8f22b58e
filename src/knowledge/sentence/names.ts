// A name tied to a role in the words around it: "officer John Smith", "the officer, John Smith,",
// "an officer named / identified as John Smith", "John Smith, the officer".

/**
 * Whether the name between `before` and `after` (the sentence's text either side of it) is called
 * by the role noun `head` ("officer"; letters and digits only).
 */
export function namedAsRole(before: string, after: string, head: string): boolean {
  const headRe = new RegExp(`\\b${head}(e?s)?(\\s*,)?(\\s+(named|called|identified as))?\\s*$`, 'i');
  const afterRe = new RegExp(`^,\\s+(a|an|the)\\s+([\\w-]+\\s+){0,3}${head}(e?s)?\\b`, 'i');
  return headRe.test(before.replace(/\b(Mr|Mrs|Ms|Dr)\.?\s*$/, '')) || afterRe.test(after);
}
