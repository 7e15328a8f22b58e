// Reading a question: its kind and parts (parse.ts), the nouns that say what kind of answer is
// asked for (nouns.ts), and the slots the answerers read from its wording (slots.ts).
export { QUESTION_TYPES, type MetaField, type Question, type QuestionType } from './types.ts';
export { cleanQuestion, parseQuestion } from './parse.ts';
export { PERSON_ROLE } from './nouns.ts';
export {
  ASKS_MONEY, followUpTopic, GROUP_PRONOUNS, happenedTo, hasPronounSubject, leansOnConversation, mentionsPerson, OBJECT_QUESTION, pronounSubject,
  PERSON_PRONOUNS, SCORE_QUESTION, speakerWords, withoutFrameWords, withPersonNamed,
} from './slots.ts';
export { frameOf, type AnswerType, type Constraints, type Frame, type Predicate } from './frame.ts';
