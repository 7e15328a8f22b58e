// The words that introduce reported speech or thought, by class. A general English lexicon
// (verbs of communication, assertion, belief and evidence), not a list fitted to any corpus.

/** Verbs that introduce what someone said or thinks whatever follows them. */
const SPEECH_VERBS = [
  // saying and telling
  'say', 'tell', 'add', 'note', 'state', 'declare', 'announce', 'proclaim', 'remark', 'comment', 'mention',
  'explain', 'describe', 'recount', 'recall', 'repeat', 'reiterate', 'reply', 'respond',
  'retort', 'answer', 'counter', 'tweet', 'write', 'post', 'testify', 'inform',
  'assure', 'reassure', 'remind', 'notify', 'joke', 'quip', 'muse', 'whisper', 'shout', 'yell',
  'exclaim', 'chant', 'blog', 'email', 'concur', 'echo', 'voice',
  // asserting and arguing
  'claim', 'argue', 'contend', 'assert', 'insist', 'allege', 'stress', 'emphasize',
  'emphasise', 'underscore', 'reason', 'posit', 'suggest', 'imply', 'hint', 'indicate',
  'acknowledge', 'admit', 'concede', 'confess', 'confirm', 'deny', 'dispute', 'reject',
  'disagree', 'agree', 'boast', 'brag', 'complain', 'lament', 'protest', 'object', 'charge',
  'accuse', 'criticize', 'criticise', 'blast', 'slam', 'attack', 'condemn', 'denounce', 'praise',
  'dismiss', 'question', 'ask', 'wonder', 'doubt',
  // promising, warning, demanding
  'warn', 'caution', 'threaten', 'promise', 'vow', 'pledge', 'swear', 'guarantee', 'predict',
  'forecast', 'estimate', 'project', 'urge', 'demand', 'request', 'plead', 'beg', 'implore',
  'appeal', 'advise', 'recommend', 'propose', 'order', 'instruct',
  // taking a stand (annotated as attitude frames: "X backed the plan", "X likened Y to Z")
  'support', 'oppose', 'endorse', 'defend', 'blame', 'liken', 'applaud', 'welcome', 'hail',
  'tout', 'mock', 'ridicule', 'decry', 'deride', 'lambaste', 'scold', 'chide', 'rebuke', 'fault',
  'favor', 'favour', 'prefer', 'embrace', 'champion', 'rule', 'rate',
  'characterize', 'characterise', 'portray', 'laud', 'commend', 'compliment', 'congratulate', 'chastise',
  'berate', 'castigate', 'assail', 'exhort', 'admire', 'despise', 'compare', 'advocate', 'lobby', 'veto',
  'approve', 'sponsor', 'rebut', 'refute', 'contradict', 'express', 'retweet', 'invoke',
  // presenting and discussing ("X outlined a plan", "X discussed the deal")
  'offer', 'discuss', 'encourage', 'reference', 'outline', 'detail', 'unveil', 'address', 'sing', 'pitch',
  // believing and thinking
  'believe', 'think', 'feel', 'fear', 'hope', 'expect', 'suspect', 'reckon',
  'speculate', 'conclude', 'judge', 'worry', 'understand', 'know', 'realize', 'realise',
  'recognize', 'recognise', 'acknowledge', 'disclose', 'reveal', 'concede',
];

/** Verbs that report only when a clause follows ("added that …") or the cue closes the sentence. */
const WEAK_VERBS = [
  'add', 'note', 'report', 'find', 'show', 'learn', 'hear', 'see', 'observe', 'point', 'cite',
  'call', 'signal', 'suggest', 'determine', 'discover', 'establish', 'demonstrate', 'prove',
  'want', 'plan', 'intend', 'seek', 'decide', 'refuse', 'decline', 'label', 'dub', 'brand',
  'vote', 'aim', 'vie', 'strive',
  // with a plain object they take on or keep something ("assumed the post", "maintains a program")
  'assume', 'maintain', 'view', 'regard',
];

/** Verbs of regarding: a view only with an "as" complement or a manner adverb ("see X as Y", "view X favorably"). */
export const REGARDING_VERBS: ReadonlySet<string> = new Set(['see', 'view', 'regard']);

/** Verbs of naming and citing ("called the plan a disaster"): report when a named speaker uses them. */
export const NAMING_VERBS: ReadonlySet<string> = new Set(['call', 'cite', 'label', 'dub', 'brand', 'describe']);

/** Verbs of evidence: documents, polls and videos "show" and "find" things. */
export const EVIDENCE_VERBS: ReadonlySet<string> = new Set(['show', 'find', 'indicate', 'suggest', 'reveal', 'demonstrate', 'prove', 'document']);

export const SPEECH_LEMMAS: ReadonlySet<string> = new Set(SPEECH_VERBS);
export const WEAK_LEMMAS: ReadonlySet<string> = new Set(WEAK_VERBS.filter((v) => !SPEECH_LEMMAS.has(v)));

/** Verbs whose first object is the hearer, not the content ("told reporters that …"). */
export const HEARER_VERBS: ReadonlySet<string> = new Set([
  'tell', 'inform', 'assure', 'reassure', 'remind', 'notify', 'warn', 'caution', 'advise', 'urge',
  'ask', 'brief', 'promise', 'instruct', 'order', 'beg', 'implore', 'email', 'text', 'show',
]);

/** Hearer verbs whose plain object may be what was said, not who heard it ("urged restraint", "ordered an inquiry"). */
export const OBJECT_OR_HEARER_VERBS: ReadonlySet<string> = new Set(['warn', 'caution', 'advise', 'urge', 'ask', 'promise', 'order', 'beg']);

/** Particles that belong to a cue ("pointed out", "called for", "went on"). */
export const CUE_PARTICLES: ReadonlySet<string> = new Set(['out', 'for', 'on', 'up', 'to', 'of', 'about', 'after', 'against']);

/** Verbs that need their particle to report anything ("point" only as "point out"). */
export const NEEDS_PARTICLE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['point', new Set(['out', 'to'])],
  ['call', new Set(['for', 'on'])],
  // "referred to", "spoke of", "talked about", "pushed for", "went after"
  ['refer', new Set(['to'])],
  ['speak', new Set(['of', 'about', 'out'])],
  ['talk', new Set(['about'])],
  ['push', new Set(['for'])],
  ['press', new Set(['for'])],
  ['go', new Set(['after'])],
  // "railed against", "voted against", "decided against", "lashed out", "laid out"
  ['rail', new Set(['against'])],
  ['vote', new Set(['against'])],
  ['decide', new Set(['against'])],
  ['lash', new Set(['out'])],
  ['lay', new Set(['out'])],
]);

/** Words of a trailing phrase that says where or how it was said ("in a statement"). */
export const MEDIUM_NOUNS: ReadonlySet<string> = new Set([
  'statement', 'interview', 'speech', 'letter', 'email', 'e-mail', 'tweet', 'post', 'release',
  'conference', 'call', 'briefing', 'hearing', 'rally', 'debate', 'memo', 'report', 'op-ed',
  'editorial', 'column', 'twitter', 'facebook', 'instagram', 'television', 'radio', 'show',
  'program', 'programme', 'broadcast', 'podcast', 'video', 'message', 'filing', 'court',
  'testimony', 'remarks', 'event', 'appearance', 'town', 'forum', 'meeting', 'session',
  'ruling', 'opinion', 'lawsuit', 'ad', 'advertisement', 'commercial', 'essay', 'article', 'book', 'memoir',
  'address', 'sermon', 'stop', 'fundraiser', 'luncheon', 'dinner', 'gathering', 'summit', 'convention', 'ceremony',
  'diatribe', 'tirade', 'rant', 'monologue', 'commencement', 'panel', 'roundtable', 'webcast', 'livestream',
]);

/** Pronouns that can be speakers, with what they can refer to. */
export type Referent = 'person' | 'male' | 'female' | 'organization' | 'group';

export const SPEAKER_PRONOUNS: ReadonlyMap<string, Referent> = new Map([
  ['he', 'male'],
  ['she', 'female'],
  ['it', 'organization'],
  ['they', 'group'],
  ['who', 'person'],
  ['which', 'organization'],
]);

/** First-person and other pronouns that name a speaker without needing resolution. */
export const SELF_PRONOUNS: ReadonlySet<string> = new Set(['i', 'we', 'you']);

/** Common nouns for people who speak (so "the spokesman" is a person, "the agency" is not). */
export const PERSON_NOUNS: ReadonlySet<string> = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officer', 'president', 'senator',
  'governor', 'mayor', 'minister', 'secretary', 'lawyer', 'attorney', 'judge', 'candidate',
  'nominee', 'leader', 'chairman', 'chairwoman', 'director', 'chief', 'man', 'woman', 'source',
  'aide', 'adviser', 'advisor', 'analyst', 'expert', 'professor', 'economist', 'researcher',
  'reporter', 'writer', 'author', 'witness', 'resident', 'voter', 'supporter', 'critic',
  'strategist', 'pollster', 'manager', 'representative', 'congressman', 'congresswoman',
  'lawmaker', 'democrat', 'republican', 'member', 'executive', 'founder', 'host', 'anchor',
  'commentator', 'father', 'mother', 'son', 'daughter', 'wife', 'husband', 'friend', 'neighbor',
  'neighbour', 'doctor', 'physician', 'agent', 'sheriff', 'commissioner', 'prosecutor',
  'detective', 'ambassador', 'envoy', 'pastor', 'activist', 'organizer', 'worker', 'student',
  'teacher', 'coach', 'player', 'actor', 'actress', 'singer', 'rapper', 'star', 'mr.', 'mrs.',
  'ms.', 'dr.', 'sen.', 'rep.', 'gov.', 'gen.', 'lt.', 'col.', 'sgt.', 'prof.', 'rev.',
]);

export const MALE_TITLES: ReadonlySet<string> = new Set(['mr.', 'mr', 'sir', 'spokesman', 'congressman', 'chairman', 'father', 'son', 'husband', 'king', 'prince', 'actor']);
export const FEMALE_TITLES: ReadonlySet<string> = new Set(['mrs.', 'mrs', 'ms.', 'ms', 'miss', 'madam', 'spokeswoman', 'congresswoman', 'chairwoman', 'mother', 'daughter', 'wife', 'queen', 'princess', 'actress']);

/** Common nouns for organisations and documents that "say" things ("the agency said"). */
export const ORGANIZATION_NOUNS: ReadonlySet<string> = new Set([
  'department', 'agency', 'company', 'firm', 'campaign', 'committee', 'commission', 'office',
  'ministry', 'government', 'administration', 'party', 'group', 'organization', 'organisation',
  'association', 'union', 'council', 'board', 'court', 'police', 'report', 'study', 'poll',
  'survey', 'statement', 'newspaper', 'paper', 'network', 'station', 'website', 'site',
  'magazine', 'university', 'institute', 'foundation', 'center', 'centre', 'bureau', 'service',
  'team', 'bank', 'fund', 'authority', 'regime', 'military', 'army', 'navy', 'white', 'house',
  'congress', 'senate', 'parliament', 'state', 'city', 'county', 'country', 'document', 'memo',
  'letter', 'lawsuit', 'complaint', 'brief', 'filing', 'analysis', 'data', 'article', 'book',
]);

/**
 * Nouns of saying, believing and feeling whose "that" clause is what was said or thought
 * ("Smith's claim that …", "growing fears that …").
 */
export const STANCE_NOUNS: ReadonlySet<string> = new Set([
  'claim', 'assertion', 'argument', 'contention', 'belief', 'view', 'fear', 'concern', 'worry', 'hope',
  'warning', 'promise', 'pledge', 'suggestion', 'acknowledgment', 'acknowledgement', 'admission',
  'insistence', 'emphasis', 'message', 'notion', 'conclusion', 'allegation', 'accusation', 'charge',
  'rumor', 'rumour', 'suspicion', 'implication', 'recognition', 'feeling', 'assurance', 'impression',
  'statement', 'announcement', 'prediction', 'complaint', 'speculation', 'confidence', 'doubt',
  'finding', 'idea', 'theory', 'reminder', 'indication', 'perception', 'sentiment', 'expectation',
  'assumption', 'assessment', 'estimate', 'bet', 'denial', 'boast', 'threat', 'demand', 'insinuation',
  'narrative', 'pronouncement', 'missive', 'remark', 'comment', 'testimony', 'report', 'agreement', 'consensus',
]);

/** Adjectives of certainty and feeling whose "that" clause is what someone thinks ("is convinced that"). */
export const STANCE_ADJECTIVES: ReadonlySet<string> = new Set([
  'afraid', 'aware', 'confident', 'convinced', 'sure', 'certain', 'frustrated', 'worried', 'concerned',
  'hopeful', 'adamant', 'optimistic', 'pessimistic', 'angry', 'upset', 'glad', 'happy', 'pleased',
  'disappointed', 'furious', 'incensed', 'outraged', 'skeptical', 'sceptical', 'unaware', 'insistent',
  'proud', 'sorry', 'grateful', 'thankful', 'surprised', 'shocked', 'alarmed', 'fearful', 'satisfied',
  'persuaded', 'unconvinced', 'doubtful', 'positive', 'mindful', 'nervous', 'anxious', 'dismayed',
]);

/**
 * Verbs of causing whose object, not subject, does the infinitive after it: "the leak prompted
 * the union to demand …" (the union demands, the leak does not).
 */
export const CAUSING_VERBS: ReadonlySet<string> = new Set([
  'prompt', 'force', 'lead', 'cause', 'spur', 'drive', 'push', 'pressure', 'compel', 'oblige', 'inspire', 'provoke',
  'persuade', 'convince', 'move', 'galvanize', 'galvanise', 'embolden', 'motivate',
]);

/** Adjectives of will whose infinitive is what someone means to do ("is determined to …"). */
export const INTENT_ADJECTIVES: ReadonlySet<string> = new Set([
  'willing', 'unwilling', 'determined', 'ready', 'eager', 'reluctant', 'prepared', 'committed', 'keen',
  'hesitant', 'anxious', 'desperate', 'intent', 'loath', 'poised',
]);

/**
 * Adjectives of attitude with the preposition that names what the attitude is about
 * ("has been critical of the plan", "were coy about their approach").
 */
export const ATTITUDE_ADJECTIVES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['critical', new Set(['of'])],
  ['supportive', new Set(['of'])],
  ['dismissive', new Set(['of'])],
  ['contemptuous', new Set(['of'])],
  ['wary', new Set(['of'])],
  ['suspicious', new Set(['of'])],
  ['skeptical', new Set(['of', 'about'])],
  ['sceptical', new Set(['of', 'about'])],
  ['coy', new Set(['about'])],
  ['vocal', new Set(['about'])],
  ['outspoken', new Set(['about', 'on'])],
  ['candid', new Set(['about'])],
  ['enthusiastic', new Set(['about'])],
  ['optimistic', new Set(['about'])],
  ['pessimistic', new Set(['about'])],
  ['concerned', new Set(['about', 'over'])],
  ['worried', new Set(['about', 'over'])],
  ['nervous', new Set(['about'])],
  ['upset', new Set(['about', 'over', 'with'])],
  ['angry', new Set(['about', 'over', 'at', 'with'])],
  ['furious', new Set(['about', 'over', 'at', 'with'])],
  ['frustrated', new Set(['with', 'about', 'over', 'by'])],
  ['unhappy', new Set(['with', 'about'])],
  ['disappointed', new Set(['with', 'in', 'by'])],
  ['opposed', new Set(['to'])],
  ['hostile', new Set(['to', 'toward', 'towards'])],
  ['sympathetic', new Set(['to', 'toward', 'towards'])],
  ['receptive', new Set(['to'])],
  ['proud', new Set(['of'])],
  ['confident', new Set(['about', 'in', 'of'])],
  ['unsure', new Set(['about', 'of'])],
  ['uncertain', new Set(['about', 'of'])],
]);


/** Conjunctions of contrast: after a comma they open a clause that is no longer reported. */
export const CONTRASTIVE: ReadonlySet<string> = new Set(['but', 'yet', 'while', 'though', 'although', 'whereas']);
/** Sentence-initial words of a subordinate clause: the main clause after its comma is not reported. */
export const SUBORDINATORS: ReadonlySet<string> = new Set(['after', 'when', 'because', 'since', 'if', 'although', 'though', 'while', 'as', 'before', 'once', 'until', 'unless']);
export const RELATIVE_SPEAKERS: ReadonlySet<string> = new Set(['who', 'which', 'that']);
/** Non-restrictive relatives (", which …"): their clause describes, it is not reported. */
export const ADJUNCT_RELATIVES: ReadonlySet<string> = new Set(['which', 'who', 'whose', 'where']);
/** Things whose findings are reported ("the poll shows", "a study found"). */
export const DOCUMENT_NOUNS: ReadonlySet<string> = new Set(['poll', 'survey', 'study', 'report', 'analysis', 'data', 'average', 'review', 'audit',
  'investigation', 'document', 'memo', 'letter', 'filing', 'record', 'video', 'footage', 'transcript', 'census', 'research', 'test', 'model']);
/** The forms of "be" that make a passive or a predicate ("was criticized", "is expected to"). */
export const FORMS_OF_BE: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
