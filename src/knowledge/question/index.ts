// Reading a question: its kind and parts (parse.ts), the nouns that say what kind of answer is
// asked for (nouns.ts), and the slots the answerers read from its wording (slots.ts).
export { QUESTION_TYPES, type MetaField, type Question, type QuestionType } from './types.ts';
export { cleanQuestion, parseQuestion } from './parse.ts';
export { PERSON_ROLE } from './nouns.ts';
export { ASKS_MONEY, OBJECT_QUESTION, SCORE_QUESTION, speakerWords } from './slots.ts';
export { frameOf, type AnswerType, type Constraints, type Frame, type Predicate } from './frame.ts';
