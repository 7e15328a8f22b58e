// Hand-written word lists that tell names apart from ordinary capitalised words, and people
// from organisations and places. All keys are lower-case; lookups go through Sets/Maps so a
// token costs O(1).
const set = (words: string): Set<string> => new Set(words.trim().split(/\s*\|\s*|\n\s*/).filter(Boolean));

/** The length of the longest word of a list: a longer word is not on it (lower-casing never shortens a word). */
const longest = (words: Set<string>): number => Math.max(...[...words].map((w) => w.length));

/** Short forms of address that always announce a person ("Mr. Trump", "Rep. Ramirez"). */
export const HONORIFICS = set(`
  mr. | mrs. | ms. | miss | mr | mrs | ms | dr. | dr | prof. | rev. | fr. | sens. | reps. | sens | reps
  rep. | sen. | gov. | lt. | gen. | col. | maj. | capt. | sgt. | cpl. | pvt. | adm. | cmdr. | supt. | insp. | det.
  lt | gen | col | sgt | capt | sir | dame | lord | lady | sheikh | rabbi | imam | mme. | mlle.
`);

/** Titles and offices placed before a name ("Assistant Secretary Tricia McLaughlin"). */
export const TITLES = set(`
  president | vice | secretary | assistant | deputy | under | acting | interim | minister | prime
  chancellor | mayor | governor | senator | representative | congressman | congresswoman | congressmember
  chairman | chairwoman | chair | director | chief | commissioner | attorney | general | sheriff
  superintendent | judge | justice | magistrate | pope | king | queen | prince | princess | emperor
  ambassador | speaker | leader | detective | sergeant | lieutenant | captain | colonel | major
  admiral | commander | officer | agent | trooper | constable | inspector | coach | professor
  executive | ceo | cfo | coo | cto | spokesman | spokeswoman | spokesperson | candidate | nominee
  former | then | first | lady | founder | co-founder | chancellor | premier | president-elect
  councilman | councilwoman | alderman | alderwoman | delegate | envoy | bishop | cardinal | archbishop
  reverend | father | sister | brother | dean | provost | treasurer | auditor | comptroller | marshal
  state | foreign | defense | defence | homeland | security | health | education | energy | interior
  justice | labor | labour | transportation | treasury | agriculture | commerce | finance | home
  retired | correspondent | columnist | anchor | manager | editor | producer | analyst
`);

/** Title words that can start a title (the rest of TITLES only continue one: "State", "Health"). */
export const TITLE_HEADS = set(`
  president | vice | secretary | assistant | deputy | under | acting | interim | minister | prime
  chancellor | mayor | governor | senator | representative | congressman | congresswoman | congressmember
  chairman | chairwoman | director | chief | commissioner | attorney | sheriff | superintendent | judge
  justice | magistrate | pope | king | queen | prince | princess | emperor | ambassador | speaker
  detective | sergeant | lieutenant | captain | colonel | admiral | commander | officer | agent | trooper
  constable | inspector | coach | professor | ceo | cfo | coo | cto | spokesman | spokeswoman
  spokesperson | former | founder | co-founder | premier | president-elect | councilman | councilwoman
  alderman | alderwoman | envoy | bishop | cardinal | archbishop | reverend | dean | treasurer
  comptroller | marshal | first | general | leader | candidate | nominee | executive | mp | mep | msp
  retired | correspondent | columnist | anchor | manager | analyst
`);

/** Party and ideology words before a title or name ("Democrat Rep. ..."): a role, not a name. */
export const PARTY_WORDS = set(`
  democrat | democratic | republican | gop | independent | conservative | liberal | labour | labor
  tory | socialist | libertarian | progressive
`);

/** The head words that make a capitalised run an organisation. */
export const ORG_HEADS = set(`
  department | ministry | police | university | college | school | academy | institute | institution
  inc. | inc | corp. | corp | co. | ltd. | ltd | llc | plc | gmbh | ag | sa | company | corporation
  group | holdings | partners | bank | fund | trust | foundation | association | society | union
  federation | league | party | agency | administration | bureau | office | service | services
  committee | commission | council | court | consulate | embassy | board | authority | organization
  organisation | coalition | alliance | network | news | times | post | press | journal | tribune
  herald | gazette | chronicle | daily | magazine | television | radio | broadcasting | airlines
  airways | motors | army | navy | guard | force | forces | corps | patrol | enforcement | protection
  congress | senate | parliament | assembly | cabinet | church | hospital | clinic | center | centre
  club | team | reserve | command | unit | directorate | secretariat | tribunal | caucus | campaign
  media | studios | records | pictures | laboratory | laboratories | labs | systems | technologies
  pharmaceuticals | industries | enterprises | brigade | battalion | division | squad | cartel
  gang | movement | front | convention | forum | institution | brotherhood | hamas | hezbollah | taliban | isis | fc
  international | foods | brands | stores | markets | mills | energy | petroleum | oil | steel | mining | chemicals
  insurance | logistics | shipping | railways | railway | airline | telecom | communications | ventures | bancorp
  financial | securities | investments | realty | properties | hotels | resorts | restaurants | entertainment
  software | semiconductor | semiconductors | robotics | therapeutics | biotech | healthcare | pharma | motor
`);

/** Words that open an organisation name and take "of" ("Department of ...", "Bank of ..."). */
export const OF_HEADS = set(`
  department | ministry | university | college | school | academy | institute | bank | bureau
  office | board | court | council | committee | commission | house | chamber | church | federation
  league | union | association | society | order | state | states | city | county | republic
  kingdom | gulf | sea | bay | isle | isles | cape | district | province | port | lake | mount
  secretary | minister | director | chief | chairman | chairwoman | president | governor | attorney
  general | commissioner | speaker | leader | head | ambassador | justice | museum | library
  centre | center | division | agency | organization | organisation | army | corps | sisters
`);

/** Place heads ("Franklin Park", "Cook County", "Lake Michigan"). */
export const PLACE_HEADS = set(`
  city | county | park | river | lake | mountain | mountains | mount | island | islands | street
  avenue | road | boulevard | square | valley | bay | beach | province | region | district
  state | territory | peninsula | coast | desert | ocean | sea | gulf | strait | canyon | forest
  heights | hills | village | township | borough | parish | harbor | harbour | port | airport
  bridge | highway | freeway | plaza | falls | springs | station | neighborhood | neighbourhood
  mall | monument | memorial | cemetery | stadium | arena | castle | abbey | cathedral | gardens
`);

/** Prepositions that put a place after them ("in Chicago", "near Paris"). */
export const PLACE_PREPOSITIONS = set('in | near | outside | across | throughout | from | to | into | at | around');

/** Capitalised words that are never names on their own. */
export const NOT_NAMES = set(`
  january | february | march | april | may | june | july | august | september | october | november
  december | jan. | feb. | mar. | apr. | jun. | jul. | aug. | sep. | sept. | oct. | nov. | dec.
  monday | tuesday | wednesday | thursday | friday | saturday | sunday
  i | i'm | i've | i'll | i'd | a | an | the | this | that | these | those | it | he | she | we | they
  you | his | her | their | our | my | your | its | who | what | when | where | why | how | which
  and | or | but | if | so | yet | nor | as | at | by | for | from | in | of | on | to | with | after
  before | while | since | until | because | although | though | also | then | there | here
  today | tonight | yesterday | tomorrow | ok | okay | yes | no | not
  breaking | update | updated | exclusive | photo | video | watch | read | more | editor | note
  am | pm | a.m. | p.m. | tv | ceo | cfo | ad | bc | id | no. | vs. | vs | etc. | et | al.
  democrat | democrats | republican | republicans | christian | christians | muslim | muslims
  god | internet | web | covid | covid-19 | coronavirus | english | french | spanish | latino | latinos
`);

/** Acronyms that are not organisations. */
export const NOT_ACRONYMS = set(`
  ceo | cfo | coo | cto | tv | ok | am | pm | id | dna | gdp | usd | eur | pdf | faq | diy | lol
  omg | aka | asap | rip | vip | mvp | ufo | atm | suv | hiv | aids | covid | nyc | ll | vs
  ii | iii | iv | vi | vii | viii | ix | xi | xii | mph | kg | km | cm | mm | gmt | utc | est | edt
  pst | pdt | cst | cdt | bbq | ai | it | us | we | a | i
`);

/** Demonym/nationality adjectives: a role ("a Mexican national") or name part, never a name alone. */
export const DEMONYM_SUFFIX = /(?:an|ian|ean|ese|ish|i|ic)$/i;

/** Head nouns of "the department" style mentions, each with the org heads it may refer to. */
export const DEFINITE_HEADS: ReadonlyMap<string, readonly string[]> = new Map([
  ['department', ['department']],
  ['ministry', ['ministry']],
  ['agency', ['agency', 'administration', 'bureau', 'service', 'enforcement', 'commission', 'department', 'patrol']],
  ['bureau', ['bureau']],
  ['company', ['company', 'inc.', 'inc', 'corp.', 'corp', 'co.', 'corporation', 'ltd', 'ltd.', 'llc', 'plc', 'group', 'holdings', 'motors', 'airlines', 'industries', 'technologies', 'systems']],
  ['firm', ['company', 'inc.', 'inc', 'corp.', 'corp', 'corporation', 'ltd', 'llc', 'plc', 'group', 'partners', 'holdings']],
  ['university', ['university', 'college']],
  ['college', ['college']],
  ['committee', ['committee']],
  ['council', ['council']],
  ['court', ['court', 'tribunal']],
  ['commission', ['commission']],
  ['party', ['party']],
  ['consulate', ['consulate']],
  ['embassy', ['embassy']],
  ['police', ['police']],
  ['bank', ['bank']],
  ['campaign', ['campaign']],
  ['administration', ['administration']],
  ['board', ['board']],
  ['foundation', ['foundation']],
  ['organization', ['organization', 'organisation']],
  ['organisation', ['organization', 'organisation']],
  ['group', ['group', 'coalition', 'alliance', 'association']],
  ['union', ['union']],
  ['network', ['network', 'news', 'broadcasting', 'television']],
  ['newspaper', ['times', 'post', 'journal', 'tribune', 'herald', 'gazette', 'chronicle', 'daily', 'news']],
  ['paper', ['times', 'post', 'journal', 'tribune', 'herald', 'gazette', 'chronicle', 'daily']],
  ['hospital', ['hospital', 'clinic']],
  ['school', ['school', 'academy']],
]);

/** Words left out of an acronym's letters ("Department of Homeland Security" → DHS). */
export const ACRONYM_SKIP = set('of | and | the | for | on | in | at | to | & | de | du | des | la | le | del | y | et');

/** Speech verbs: a bare name before one is usually a person or an organisation speaking. */
export const SPEECH_VERBS = set(`
  said | says | say | told | tells | added | adds | noted | notes | stated | states | wrote | writes
  argued | argues | claimed | claims | explained | explains | insisted | insists | warned | warns
  asked | asks | replied | replies | announced | announces | tweeted | posted | according
`);

/** US state abbreviations in AP style and postal codes, for "Chicago, Ill." and "D-Ill.". */
export const STATE_ABBREVIATIONS = set(`
  ala. | alaska | ariz. | ark. | calif. | colo. | conn. | del. | fla. | ga. | hawaii | idaho | ill. | ind.
  iowa | kan. | ky. | la. | maine | md. | mass. | mich. | minn. | miss. | mo. | mont. | neb. | nev.
  n.h. | n.j. | n.m. | n.y. | n.c. | n.d. | ohio | okla. | ore. | pa. | r.i. | s.c. | s.d. | tenn.
  texas | utah | vt. | va. | wash. | w.va. | wis. | wyo. | d.c.
  al | ak | az | ar | ca | co | ct | de | fl | ga | hi | ia | id | il | in | ks | ky | la | ma | md | me
  mi | mn | mo | ms | mt | nc | nd | ne | nh | nj | nm | nv | ny | oh | ok | or | pa | ri | sc | sd
  tn | tx | ut | va | vt | wa | wi | wv | wy | dc
`);

/** Well-known acronyms with their expansion: used to merge both forms and to answer either. */
export const KNOWN_ACRONYMS: ReadonlyMap<string, string> = new Map([
  ['DHS', 'Department of Homeland Security'],
  ['ICE', 'Immigration and Customs Enforcement'],
  ['CBP', 'Customs and Border Protection'],
  ['FBI', 'Federal Bureau of Investigation'],
  ['CIA', 'Central Intelligence Agency'],
  ['NSA', 'National Security Agency'],
  ['DOJ', 'Department of Justice'],
  ['DOD', 'Department of Defense'],
  ['DOS', 'Department of State'],
  ['EPA', 'Environmental Protection Agency'],
  ['CDC', 'Centers for Disease Control and Prevention'],
  ['FDA', 'Food and Drug Administration'],
  ['FEMA', 'Federal Emergency Management Agency'],
  ['IRS', 'Internal Revenue Service'],
  ['TSA', 'Transportation Security Administration'],
  ['ATF', 'Bureau of Alcohol, Tobacco, Firearms and Explosives'],
  ['DEA', 'Drug Enforcement Administration'],
  ['SEC', 'Securities and Exchange Commission'],
  ['FTC', 'Federal Trade Commission'],
  ['FCC', 'Federal Communications Commission'],
  ['NASA', 'National Aeronautics and Space Administration'],
  ['USCIS', 'U.S. Citizenship and Immigration Services'],
  ['UN', 'United Nations'],
  ['EU', 'European Union'],
  ['NATO', 'North Atlantic Treaty Organization'],
  ['WHO', 'World Health Organization'],
  ['IMF', 'International Monetary Fund'],
  ['GOP', 'Republican Party'],
  ['DNC', 'Democratic National Committee'],
  ['RNC', 'Republican National Committee'],
  ['NYPD', 'New York Police Department'],
  ['LAPD', 'Los Angeles Police Department'],
  ['NHS', 'National Health Service'],
  ['BBC', 'British Broadcasting Corporation'],
]);

/** Organisations whose names carry no organisation head word. */
export const KNOWN_ORGS = set(`
  white house | pentagon | kremlin | congress | senate | parliament | supreme court | nato | fbi
  twitter | facebook | google | apple | amazon | microsoft | meta | tesla | youtube | instagram | tiktok
  reuters | associated press | ap | cnn | bbc | fox news | nbc | abc | cbs | msnbc | npr | al jazeera
  hamas | hezbollah | taliban | isis | al qaeda | al-qaeda | interpol | europol | downing street
`);

/** Modifiers that begin a title but never make one alone ("under", "former"). */
export const TITLE_MODIFIERS = set('under | vice | assistant | deputy | acting | interim | former | first | prime | general | executive | then | co-founder | senior | retired');

/** Modifiers that say when or how someone held a title, never the title itself ("Former", "Retired"). */
export const TENSE_MODIFIERS = set('former | retired | then | late | outgoing | incoming | acting | interim');

/** Forms of address that tell nothing about the person beyond being one: not kept as roles. */
export const COURTESY_TITLES = set('mr | mr. | mrs | mrs. | ms | ms. | miss | mme. | mlle. | mx | mx.');

/** Greetings and interjections that open a letter or a post ("Hi Anna,"): never part of a name. */
export const INTERJECTIONS = set('hi | hello | hey | dear | thanks | thank | congratulations | congrats | bye | goodbye | welcome | sorry | please | oh | wow | yes | no');

/**
 * Capitalised function words that open a sentence: inside a run of capitalised words (a caption
 * or a lost sentence break: "... Convention Center Among them") they start a new sentence, not a name part.
 */
export const SENTENCE_OPENERS = set(`
  among | amid | after | before | during | despite | although | though | while | when | where | however
  meanwhile | the | a | an | this | these | those | it | he | she | they | we | his | her | their
  but | as | if | since | because | with | without | from | by | to | into | at | on | in | about | against
  there | here | then | also | yet | so | later | earlier | still | now
`);

/** Nationality and group adjectives ("Mexican", "Polish American"): descriptions, not names. */
export const DEMONYMS = set(`
  american | mexican | canadian | british | english | scottish | welsh | irish | french | german
  italian | spanish | portuguese | dutch | belgian | swiss | austrian | swedish | norwegian | danish
  finnish | icelandic | polish | czech | slovak | hungarian | romanian | bulgarian | greek | turkish
  russian | ukrainian | belarusian | lithuanian | latvian | estonian | serbian | croatian | bosnian
  albanian | georgian | armenian | azerbaijani | kazakh | uzbek | afghan | pakistani | indian
  bangladeshi | nepali | sri lankan | chinese | japanese | korean | vietnamese | thai | filipino
  indonesian | malaysian | singaporean | australian | new zealander | israeli | palestinian
  lebanese | syrian | iraqi | iranian | saudi | emirati | qatari | yemeni | jordanian | egyptian
  libyan | tunisian | algerian | moroccan | sudanese | ethiopian | somali | kenyan | nigerian
  ghanaian | south african | congolese | cuban | haitian | dominican | puerto rican | guatemalan
  honduran | salvadoran | nicaraguan | costa rican | panamanian | colombian | venezuelan
  ecuadorian | peruvian | bolivian | chilean | argentine | argentinian | brazilian | uruguayan
  paraguayan | european | african | asian | latin | hispanic | latino | latina | arab | jewish
  catholic | protestant | christian | muslim | hindu | buddhist | sikh | kurdish | sunni | shiite
  african-american | asian-american | mexican-american | native american | caucasian | slavic
  nordic | baltic | scandinavian | western | eastern | northern | southern | midwestern | texan
  californian | floridian | new yorker | chicagoan | soviet | ottoman | roman | persian
`);

const DEMONYM_MAX_LENGTH = longest(DEMONYMS);

export function isDemonym(word: string): boolean {
  // A plural adds one letter ("Mexicans").
  if (word.length > DEMONYM_MAX_LENGTH + 1) return false;
  const lower = word.toLowerCase();
  return isLowerDemonym(lower.includes('’') ? lower.replace(/[’]/g, "'") : lower);
}

/**
 * isDemonym of a word already lower-cased with straight apostrophes (a token's lower case, which
 * also straightens "‘": no demonym has an apostrophe, so either way such a word is none).
 */
export function isLowerDemonym(w: string): boolean {
  if (w.length > DEMONYM_MAX_LENGTH + 1) return false;
  return DEMONYMS.has(w) || (w.endsWith('s') && DEMONYMS.has(w.slice(0, -1)));
}

/** Heads of names that are neither people nor organisations: laws, events, works ("Affordable Care Act"). */
export const OTHER_HEADS = set(`
  act | agreement | treaty | accord | accords | plan | bill | law | amendment | doctrine | war | wars
  show | award | awards | prize | cup | games | olympics | day | festival | summit | conference
  crisis | pact | protocol | initiative | program | programme | report | index | fusion | series
  palace
`);

const HONORIFIC_MAX_LENGTH = longest(HONORIFICS);

export function isHonorific(word: string): boolean {
  if (word.length > HONORIFIC_MAX_LENGTH) return false;
  const w = word.toLowerCase();
  return HONORIFICS.has(w) || HONORIFICS.has(`${w}.`);
}

const STATE_ABBREVIATION_MAX_LENGTH = longest(STATE_ABBREVIATIONS);

export function isStateAbbreviation(word: string): boolean {
  if (word.length > STATE_ABBREVIATION_MAX_LENGTH) return false;
  const w = word.toLowerCase();
  return STATE_ABBREVIATIONS.has(w) || STATE_ABBREVIATIONS.has(`${w}.`);
}

/**
 * Kinship, relational and occupation nouns that, written in lower case right before a name ("her
 * sister-in-law Kasia", "the family's lawyer Tom", "the actress Ann Lee"), describe the person: a role.
 */
export const RELATIONAL_NOUNS = set(`
  brother | sister | mother | father | son | daughter | wife | husband | uncle | aunt | cousin
  nephew | niece | grandmother | grandfather | grandson | granddaughter | grandma | grandpa
  stepmother | stepfather | stepson | stepdaughter | stepbrother | stepsister | mom | mum | dad
  sister-in-law | brother-in-law | mother-in-law | father-in-law | son-in-law | daughter-in-law
  half-brother | half-sister | twin | parent | child | boyfriend | girlfriend | fiancé | fiancée | fiance | fiancee
  friend | neighbour | neighbor | partner | colleague | co-worker | coworker | classmate | roommate
  flatmate | housemate | teammate | lawyer | attorney | solicitor | barrister | spokesman | spokeswoman
  spokesperson | boss | employer | employee | assistant | aide | adviser | advisor | manager | agent
  landlord | landlady | widow | widower | ex-wife | ex-husband | ex-girlfriend | ex-boyfriend | bodyguard
  doctor | nurse | teacher | coach | mentor | pastor | priest | stepmom | stepdad
  actor | actress | singer | rapper | comedian | author | writer | novelist | poet | artist | director
  producer | musician | model | chef | broadcaster | presenter | journalist | reporter | photographer
  historian | economist | analyst | activist | campaigner | blogger | pollster | strategist
`);

/** Words before a relational noun that make it a relation of someone ("her", "the family's"). */
export const RELATION_DETERMINERS = set(`
  his | her | their | my | our | your | the | a | an | whose | one | another
`);

/** Capitalised speech verbs that open a sentence ("Said Smith: ...") and never start a name. */
export const SENTENCE_CUE_VERBS = set('said | says | told | tells | added | adds | asked | asks | explained | noted | continued | replied');

/** "Port of ...", "Gulf of ...": heads that, before "of", make the name a place. */
export const PLACE_OF_HEADS = set(`
  port | gulf | bay | isle | isles | island | islands | cape | lake | mount | sea | city | county
  district | province | republic | kingdom | state | strait | straits | town | village | valley
  river | mouth | vale | forest
`);

/** "University of ...", "Bank of ...": heads that, before "of", make the name an organisation. */
export const ORG_OF_HEADS = set(`
  university | college | school | academy | institute | bank | bureau | office | board | court
  council | committee | commission | house | chamber | church | federation | league | union
  association | society | order | department | ministry | museum | library | agency | organization
  organisation | army | corps | division | sisters | brotherhood
`);

/** Photo agencies credited at the end of a caption ("... in London Getty 7/19"). */
export const PHOTO_CREDITS = set('getty | reuters | afp | ap | pa | epa | rex | shutterstock | alamy | corbis | ap photo');
