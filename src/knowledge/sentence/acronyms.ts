// What an acronym stands for, read from the text that introduces it.

/**
 * "European Centre for Disease Prevention and Control (ECDC)": the capitalised words right before
 * "(ACRONYM)", when they start with its first letter and hold its letters in order.
 */
export function spelledOut(text: string, acronym: string): string | null {
  const at = text.indexOf(`(${acronym})`);
  if (at < 0) return null;
  const words = text.slice(Math.max(0, at - 200), at).trim().split(/\s+/);
  let k = words.length;
  while (k > 0 && (/^\p{Lu}/u.test(words[k - 1]) || /^(of|for|and|on|in|de|du|la|le|&)$/.test(words[k - 1]))) k--;
  while (k < words.length && !/^\p{Lu}/u.test(words[k])) k++;
  const run = words.slice(k);
  const initials = run.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  const letters = acronym.replace(/[^\p{Lu}]/gu, '');
  let i = 0;
  for (const c of initials) if (c === letters[i]) i++;
  return run.length > 1 && initials[0] === letters[0] && i === letters.length ? run.join(' ') : null;
}
