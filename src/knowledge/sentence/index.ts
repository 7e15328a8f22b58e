// Sentence-level reading that answering needs beyond the extracted facts: numbers and measures,
// places named in words, who did what (subjects, agents, objects), reasons, embedded posts and
// acronyms. Pure functions of text.
export * from './numbers.ts';
export * from './places.ts';
export * from './subjects.ts';
export * from './reasons.ts';
export * from './posts.ts';
export * from './acronyms.ts';
export * from './names.ts';
export * from './parties.ts';
export * from './kin.ts';
