// How facts are put into words: dates, roles, article titles. Pure helpers for answers and replies.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A TIMEX3 value as words: 2025-09-12 → "Friday, September 12, 2025"; 2025-09 → "September 2025". */
export function dateInWords(value: string | null): string | null {
  if (!value) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (Number.isNaN(d.getTime())) return null;
    const day = `${WEEKDAYS[d.getUTCDay()]}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${m[1]}`;
    // TimeML writes the midnight that ends a day as 24:00; people say "midnight".
    if (m[4] === '24' && m[5] === '00') return `midnight at the end of ${day}`;
    return m[4] ? `${day}, ${m[4]}:${m[5]}` : day;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return `${MONTHS[+m[2] - 1] ?? m[2]} ${m[1]}`;
  if ((m = /^(\d{4})$/.exec(value))) return m[1];
  return null;
}

/** Short display date of an article: "2025-09-13" → "September 13, 2025". */
export function shortDate(published: string | null): string | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!m) return published;
  return `${MONTHS[+m[2] - 1]} ${+m[3]}, ${m[1]}`;
}

/** An article's display title: its title, else the start of its first sentence. */
export function displayTitle(title: string | null, text: string): string {
  if (title && title.trim()) return title.trim();
  const first = text.split(/(?<=[.!?])\s/)[0] ?? text;
  return first.length > 90 ? first.slice(0, 87).replace(/\s+\S*$/, '') + '…' : first;
}

// AP-style state abbreviations, as used in "D-Ill." and datelines.
const STATES: Record<string, string> = {
  'Ala.': 'Alabama', 'Ariz.': 'Arizona', 'Ark.': 'Arkansas', 'Calif.': 'California', 'Colo.': 'Colorado', 'Conn.': 'Connecticut',
  'Del.': 'Delaware', 'Fla.': 'Florida', 'Ga.': 'Georgia', 'Ill.': 'Illinois', 'Ind.': 'Indiana', 'Kan.': 'Kansas', 'Ky.': 'Kentucky',
  'La.': 'Louisiana', 'Md.': 'Maryland', 'Mass.': 'Massachusetts', 'Mich.': 'Michigan', 'Minn.': 'Minnesota', 'Miss.': 'Mississippi',
  'Mo.': 'Missouri', 'Mont.': 'Montana', 'Neb.': 'Nebraska', 'Nev.': 'Nevada', 'N.H.': 'New Hampshire', 'N.J.': 'New Jersey',
  'N.M.': 'New Mexico', 'N.Y.': 'New York', 'N.C.': 'North Carolina', 'N.D.': 'North Dakota', 'Okla.': 'Oklahoma', 'Ore.': 'Oregon',
  'Pa.': 'Pennsylvania', 'R.I.': 'Rhode Island', 'S.C.': 'South Carolina', 'S.D.': 'South Dakota', 'Tenn.': 'Tennessee', 'Vt.': 'Vermont',
  'Va.': 'Virginia', 'Wash.': 'Washington', 'W.Va.': 'West Virginia', 'Wis.': 'Wisconsin', 'Wyo.': 'Wyoming',
  Alaska: 'Alaska', Hawaii: 'Hawaii', Idaho: 'Idaho', Iowa: 'Iowa', Maine: 'Maine', Ohio: 'Ohio', Texas: 'Texas', Utah: 'Utah',
};
const PARTIES: Record<string, string> = { D: 'Democratic', R: 'Republican', I: 'independent' };
const OFFICES: Record<string, string> = {
  'rep.': 'representative', representative: 'representative', congressman: 'representative', congresswoman: 'representative',
  'sen.': 'senator', senator: 'senator', 'gov.': 'governor', governor: 'governor', 'lt. gov.': 'lieutenant governor',
  mayor: 'mayor', 'del.': 'delegate', 'assemblyman': 'assemblyman', 'assemblywoman': 'assemblywoman',
};

/** A state's name from its news abbreviation ("Ill." → "Illinois"), else the text as given. */
export function stateName(abbreviation: string): string {
  return STATES[abbreviation] ?? abbreviation;
}

/** Titles kept as roles that read as words in a description ("Dr." → "a doctor"). */
const HONORIFICS: Record<string, string> = {
  'dr.': 'a doctor', dr: 'a doctor', 'prof.': 'a professor', prof: 'a professor', 'rev.': 'a reverend', 'fr.': 'a priest',
};

/**
 * A one-line description from an entity's roles: ["Democrat", "Rep.", "D-Ill."] →
 * "a Democratic representative from Illinois"; otherwise the roles themselves.
 */
export function describeRoles(roles: string[]): string | null {
  if (roles.length === 0) return null;
  let party: string | null = null;
  let state: string | null = null;
  let office: string | null = null;
  const rest: string[] = [];
  for (const role of roles) {
    const r = role.trim();
    const code = /^\(?([DRI])-([A-Z][A-Za-z.]*)\)?$/.exec(r);
    if (code) {
      party = PARTIES[code[1]];
      state = STATES[code[2]] ?? STATES[code[2] + '.'] ?? code[2];
      continue;
    }
    if (/^(democrat|democratic)$/i.test(r)) { party = 'Democratic'; continue; }
    if (/^republican$/i.test(r)) { party = 'Republican'; continue; }
    const o = OFFICES[r.toLowerCase()];
    if (o && !office) { office = o; continue; }
    rest.push(HONORIFICS[r.toLowerCase()] ?? r);
  }
  const parts: string[] = [];
  if (office || party) {
    const words = [party, office ?? (party ? 'politician' : null)].filter(Boolean).join(' ');
    parts.push(`${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}${state ? ` from ${state}` : ''}`);
  } else if (state) parts.push(`from ${state}`);
  parts.push(...rest);
  return parts.join('; ');
}

/** "union president" reads "a union president" after "is"; a description with its own determiner stays. */
export function withIndefinite(description: string): string {
  if (!/^\p{Ll}/u.test(description) || /^(a|an|the|his|her|their|its|our|one|from)\s/i.test(description)) return description;
  return `${startsWithVowelSound(description) ? 'an' : 'a'} ${description}`;
}

/** "an officer", "an hour", but "a union", "a European": the sound, roughly, from the spelling. */
function startsWithVowelSound(word: string): boolean {
  if (/^(hour|honou?r|heir|honest)/i.test(word)) return true;
  if (/^(uni|us[eu]|ur[ao]|uti|eu|one\b|once)/i.test(word)) return false;
  return /^[aeiou]/i.test(word);
}

/** Text to match literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Trims a sentence for inline use, keeping whole words. */
export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  return t.slice(0, max - 1).replace(/\s+\S*$/, '') + '…';
}

/** "Department of Homeland Security" reads "the Department of Homeland Security" in a sentence. */
export function withArticle(name: string): string {
  return /^(Department|Ministry|Office|Bureau|Agency|Board|Commission|Committee|Council|University|Police|Army|Navy|Court|Government|Administration|Federal|National|Supreme|State Department|White House|Pentagon|Kremlin|Senate|House|Congress|FBI|CIA)\b/.test(name) && !/^(Congress|FBI|CIA)$/.test(name)
    ? `the ${name}`
    : name;
}

const PERSON_TITLE = /^(Mr|Mrs|Ms|Dr|President|Sen|Senator|Rep|Representative|Gov|Governor|Mayor|Secretary|Judge|Justice|Gen|General|Prime|King|Queen|Pope|Prince|Princess|Lord|Lady|Sir)\b/;
const NAME_JOINER = /^(of|for|and|&|on|de|du|la|van|von|the)$/;

/**
 * The organisation a long description ties someone to: "a professor of geosciences at
 * Princeton University" → "Princeton University". The last run of capitalised words that is
 * not itself a person ("President Bill Clinton"); null when there is none.
 */
export function affiliation(description: string): string | null {
  const words = description.replace(/[,;()]/g, ' $& ').split(/\s+/).filter(Boolean);
  const runs: string[][] = [];
  let run: string[] = [];
  let start = 0;
  let previousEnd = -2;
  const close = (): void => {
    while (run.length && NAME_JOINER.test(run[run.length - 1])) run.pop();
    // One capitalised word is a place of work only after a preposition ("an engineer at
    // Google"), not as a modifier ("a top Trump surrogate").
    const after = words[start - 1] ?? '';
    const previous = runs[runs.length - 1];
    // "… Research in Germany": a place right after an organisation says where it is.
    const kept = run.length > 0 && after === 'in' && previous !== undefined && previousEnd === start - 2
      ? (previous.push('in', ...run), true)
      : run.length > 1 || (run.length === 1 && /^(at|of|for|with|from|on|in)$/i.test(after))
        ? (runs.push(run), true)
        : false;
    if (kept) previousEnd = start + run.length - 1;
    run = [];
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i].replace(/['’]s$/, '');
    const capital = /^[A-Z][A-Za-z.&-]*$/.test(w) || /^[A-Z]{2,}$/.test(w);
    // A run starts at a capital after the first word, so "The" or "A" opening the text is skipped.
    if (capital && (run.length > 0 || i > 0 || !/^(The|A|An)$/.test(w))) {
      if (run.length === 0) start = i;
      run.push(w);
    }
    else if (run.length && NAME_JOINER.test(w) && /^[A-Z]/.test(words[i + 1] ?? '')) run.push(w);
    else close();
    // A possessive run qualifies a noun ("Obama's campaign"); it is nobody's employer.
    if (w !== words[i]) run = [];
  }
  close();
  const orgs = runs.filter((r) => !PERSON_TITLE.test(r[0]));
  const pick = orgs[orgs.length - 1];
  return pick ? pick.join(' ') : null;
}
