// The act a question asks about: its main verb, read with the tagger the articles get, so that
// "why won't the mayor call an election" gives "call" even typed in lower case (where the tagger
// may call "call" a noun).
import { analyse, type Token } from '../nlp.ts';

/** Verbs that carry no act of their own: "going to burn", "manage to catch", "did it happen". */
const LIGHT = new Set(['be', 'have', 'do', 'happen', 'get', 'say', 'tell', 'know', 'mean', 'think']);

/** Words after which a tagger's noun is still the verb of a do-question: "did obama call the …". */
const PHRASE_START = new Set(['DET', 'PRON', 'ADP', 'NUM']);

/** Auxiliaries that open a do-question ("did", "will", "won't", "can"), as wink's lemmas. */
const DO_AUXILIARY = /^(?:do|will|would|can|could|should|shall|may|might|must)$/;

/**
 * The verb of the act a wh-question asks about, as written in lower case (matched by its index
 * term, so "apologise" finds "apologised", which wink's lemma "apologize" would not), or undefined when it names none ("when's the
 * case back in court"). After "was / were …" it is the participle ("when were the suspects
 * arrested" → arrest); after "did / will …" the verb after the subject ("why did the guard go
 * over" → go). A verb that only leads to another ("going to burn up") gives way to it.
 */
export function actOf(text: string): string | undefined {
  return actIn(words(text));
}

/**
 * "Which harbour legend waved off the crew?": the noun phrase a which-question asks for, the words
 * between "which" and the first verb ("harbour legend"); undefined for other questions.
 */
export function whichPhrase(text: string): string | undefined {
  const tokens = words(text);
  if (tokens[0]?.text.toLowerCase() !== 'which') return undefined;
  const verb = tokens.findIndex((t, i) => i > 0 && (t.pos === 'VERB' || t.pos === 'AUX'));
  if (verb < 2) return undefined;
  return tokens.slice(1, verb).map((t) => t.text).join(' ');
}

/** The question's words and numbers, tagged (wink's tagger; punctuation left out). */
function words(text: string): Token[] {
  return analyse(text, { winkEntities: false }).tokens.filter((t) => t.type === 'word' || t.type === 'number');
}

function actIn(tokens: Token[]): string | undefined {
  const aux = tokens.findIndex((t, i) => i > 0 && t.pos === 'AUX');
  const doQuestion = aux > 0 && DO_AUXILIARY.test(tokens[aux].lemma);
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.pos !== 'VERB' || LIGHT.has(t.lemma) || leadsOn(tokens, i)) continue;
    // "were the isis suspects arrested": after a form of "be", the act is a participle, not "suspects".
    if (aux > 0 && i > aux && !doQuestion && tokens[i - 1].text.toLowerCase() !== 'to' && !/(?:ed|en|ing|[^aeiou]t)$/i.test(t.text) && t.lemma === t.text.toLowerCase().replace(/s$/, '')) continue;
    return t.text.toLowerCase();
  }
  if (!doQuestion) return undefined;
  // "why did obama call the massacre a genocide": the tagger's "noun" that ends the subject before
  // a determiner, a pronoun or a preposition is the verb.
  // (The question's end does too: "where did the plane crash".)
  for (let i = aux + 3; i <= tokens.length; i++) {
    if ((i === tokens.length || PHRASE_START.has(tokens[i].pos)) && ['NOUN', 'PROPN', 'VERB', 'ADJ'].includes(tokens[i - 1].pos)) {
      const verb = tokens[i - 1];
      return LIGHT.has(verb.lemma) ? undefined : verb.text.toLowerCase();
    }
  }
  return undefined;
}

/** "going to burn", "manage to catch", "accused of shooting": the verb leads on to the act after it. */
function leadsOn(tokens: Token[], i: number): boolean {
  return /^(?:to|of|with)$/i.test(tokens[i + 1]?.text ?? '') && tokens[i + 2]?.pos === 'VERB';
}
