// Slack's documented Block Kit limits, checked the way Slack checks them: a message that breaks
// one is refused with `invalid_blocks`, so every test that posts also proves the limits hold.

export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  messageText: 40000,
} as const;

type Block = Record<string, any>;

/** Problems with a message's blocks, in Slack's error style; empty when the message is valid. */
export function blockProblems(blocks: unknown): string[] {
  if (blocks === undefined) return [];
  if (!Array.isArray(blocks)) return ['blocks must be an array'];
  const problems: string[] = [];
  if (blocks.length > LIMITS.blocksPerMessage) problems.push(`must contain at most ${LIMITS.blocksPerMessage} blocks [json-pointer:/blocks]`);
  blocks.forEach((block: Block, i) => problems.push(...oneBlockProblems(block, `/blocks/${i}`)));
  return problems;
}

function textProblems(text: unknown, max: number, where: string): string[] {
  if (!text || typeof text !== 'object') return [`missing text object [${where}]`];
  const t = text as Block;
  if (t.type !== 'plain_text' && t.type !== 'mrkdwn') return [`unknown text type [${where}/type]`];
  if (typeof t.text !== 'string' || t.text.length === 0) return [`text must not be empty [${where}/text]`];
  if (t.text.length > max) return [`must be less than ${max + 1} characters [${where}/text]`];
  return [];
}

function oneBlockProblems(block: Block, where: string): string[] {
  switch (block?.type) {
    case 'header':
      return block.text?.type === 'plain_text' ? textProblems(block.text, LIMITS.headerText, `${where}/text`) : [`header text must be plain_text [${where}/text]`];
    case 'section': {
      const problems: string[] = [];
      if (!block.text && !block.fields) problems.push(`section needs text or fields [${where}]`);
      if (block.text) problems.push(...textProblems(block.text, LIMITS.sectionText, `${where}/text`));
      if (block.fields) {
        if (!Array.isArray(block.fields) || block.fields.length > LIMITS.sectionFields) problems.push(`at most ${LIMITS.sectionFields} fields [${where}/fields]`);
        else block.fields.forEach((f: unknown, j: number) => problems.push(...textProblems(f, LIMITS.fieldText, `${where}/fields/${j}`)));
      }
      return problems;
    }
    case 'context': {
      if (!Array.isArray(block.elements) || block.elements.length === 0) return [`context needs elements [${where}/elements]`];
      if (block.elements.length > LIMITS.contextElements) return [`at most ${LIMITS.contextElements} elements [${where}/elements]`];
      return block.elements.flatMap((e: unknown, j: number) => textProblems(e, LIMITS.contextText, `${where}/elements/${j}`));
    }
    case 'divider':
      return [];
    default:
      return [`unsupported block type ${String(block?.type)} [${where}/type]`];
  }
}
