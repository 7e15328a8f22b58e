// Discord's documented message limits, checked the way the real API does (it answers 400
// "Invalid Form Body"). Kept separate from the adapter's own limits on purpose: the fake is
// the referee, not a copy of the player.
const CONTENT_MAX = 2000;
const EMBEDS_MAX = 10;
const EMBED_TITLE_MAX = 256;
const EMBED_DESCRIPTION_MAX = 4096;
const EMBED_FIELDS_MAX = 25;
const FIELD_NAME_MAX = 256;
const FIELD_VALUE_MAX = 1024;
const FOOTER_MAX = 2048;
const AUTHOR_NAME_MAX = 256;
const EMBEDS_TOTAL_MAX = 6000;

/** Discord counts characters as UTF-16 code units, like String.length. */
function len(value: unknown): number {
  return typeof value === 'string' ? value.length : 0;
}

/** Every limit a message payload breaks; empty when Discord would accept it. */
export function payloadLimitProblems(body: any): string[] {
  if (!body || typeof body !== 'object') return [];
  const problems: string[] = [];
  if (len(body.content) > CONTENT_MAX) problems.push(`content: Must be ${CONTENT_MAX} or fewer in length.`);
  const embeds: any[] = Array.isArray(body.embeds) ? body.embeds : [];
  if (embeds.length > EMBEDS_MAX) problems.push(`embeds: Must be ${EMBEDS_MAX} or fewer in length.`);
  let total = 0;
  embeds.forEach((e, i) => {
    const fields: any[] = Array.isArray(e.fields) ? e.fields : [];
    if (len(e.title) > EMBED_TITLE_MAX) problems.push(`embeds.${i}.title: Must be ${EMBED_TITLE_MAX} or fewer in length.`);
    if (len(e.description) > EMBED_DESCRIPTION_MAX) problems.push(`embeds.${i}.description: Must be ${EMBED_DESCRIPTION_MAX} or fewer in length.`);
    if (len(e.footer?.text) > FOOTER_MAX) problems.push(`embeds.${i}.footer.text: Must be ${FOOTER_MAX} or fewer in length.`);
    if (len(e.author?.name) > AUTHOR_NAME_MAX) problems.push(`embeds.${i}.author.name: Must be ${AUTHOR_NAME_MAX} or fewer in length.`);
    if (fields.length > EMBED_FIELDS_MAX) problems.push(`embeds.${i}.fields: Must be ${EMBED_FIELDS_MAX} or fewer in length.`);
    fields.forEach((f, j) => {
      if (len(f.name) > FIELD_NAME_MAX) problems.push(`embeds.${i}.fields.${j}.name: Must be ${FIELD_NAME_MAX} or fewer in length.`);
      if (len(f.value) > FIELD_VALUE_MAX) problems.push(`embeds.${i}.fields.${j}.value: Must be ${FIELD_VALUE_MAX} or fewer in length.`);
      if (!len(f.name) || !len(f.value)) problems.push(`embeds.${i}.fields.${j}: name and value are required.`);
      total += len(f.name) + len(f.value);
    });
    total += len(e.title) + len(e.description) + len(e.footer?.text) + len(e.author?.name);
  });
  if (total > EMBEDS_TOTAL_MAX) problems.push(`embeds: Embed size exceeds maximum size of ${EMBEDS_TOTAL_MAX}`);
  return problems;
}
