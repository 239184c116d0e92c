// What lesson MDX may contain: the registered components with literal attributes, Markdown, and
// comments. Checked while the MDX is parsed, so an unknown component fails the content check
// (and the build), never a learner's page.
import { z } from 'zod';

const trainerAttribute = z.strictObject({ trainer: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a trainer id from content/trainers') });
const mediaPath = z.string().regex(/^\/media\/[\w.-]+$/, 'must be a file in public/media, like /media/name.mp4');

/** Attribute schemas of the components lessons may use; the keys are the whole component map. */
export const componentAttributes = {
  Callout: z.strictObject({ type: z.enum(['info', 'warning', 'redflag']), title: z.string().optional() }),
  KnowledgeCheck: z.strictObject({ id: z.string().min(1) }),
  Video: z.strictObject({
    src: mediaPath,
    poster: mediaPath,
    duration: z.string().regex(/^\d{1,2}:\d{2}$/, 'must be like 1:45'),
    title: z.string().min(1),
    captions: mediaPath.optional(),
  }),
  Figure: z.strictObject({
    src: mediaPath,
    alt: z.string().min(1, 'describe the image for people who cannot see it'),
    caption: z.string().optional(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  References: z.strictObject({ ids: z.string().min(1) }),
  // A practice trainer from content/trainers/<id>.yaml; the content check makes sure it exists.
  BreathCountTrainer: trainerAttribute,
  BpDiaryTrainer: trainerAttribute,
  // A "say it in Urdu" panel from content/phrases/<id>.yaml; the content check makes sure it exists.
  SayItInUrdu: z.strictObject({ id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a panel id from content/phrases') }),
} as const;

export type ComponentName = keyof typeof componentAttributes;

/** What a lesson's MDX uses, collected while it is checked. */
/** A trainer placed in a lesson: the component used and the trainer id it names. */
export type TrainerUse = { component: string; id: string };
export type MdxUsage = { knowledgeChecks: string[]; referenceIds: string[]; media: string[]; trainers: TrainerUse[]; phrasePanels: string[]; problems: string[] };

type Node = { type: string; name?: string | null; value?: string; attributes?: unknown[]; children?: Node[]; position?: { start: { line: number } } };

function isComponentName(name: string): name is ComponentName {
  return Object.hasOwn(componentAttributes, name);
}

function literalAttributes(node: Node, problems: string[], where: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const raw of node.attributes ?? []) {
    const attr = z
      .object({ type: z.string(), name: z.string().optional(), value: z.unknown() })
      .safeParse(raw);
    if (!attr.success || attr.data.type !== 'mdxJsxAttribute' || !attr.data.name) {
      problems.push(`${where}: only plain attributes are allowed (no {...spread})`);
      continue;
    }
    const value = attr.data.value;
    if (typeof value === 'string') out[attr.data.name] = value;
    else {
      const expr = z.object({ value: z.string() }).safeParse(value);
      const number = expr.success ? Number(expr.data.value.trim()) : Number.NaN;
      if (Number.isFinite(number)) out[attr.data.name] = number;
      else problems.push(`${where}: attribute "${attr.data.name}" must be text in quotes or a number`);
    }
  }
  return out;
}

function checkNode(node: Node, usage: MdxUsage, lineOffset: number): void {
  const line = (node.position?.start.line ?? 0) + lineOffset;
  const where = `line ${line}`;
  switch (node.type) {
    case 'mdxjsEsm':
      usage.problems.push(`${where}: import and export are not allowed in lessons`);
      return;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      if (!/^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value ?? '')) {
        usage.problems.push(`${where}: only comments may appear in { } (write "{" in prose as a word, or use a component)`);
      }
      return;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = node.name ?? '';
      if (!isComponentName(name)) {
        usage.problems.push(`${where}: <${name || 'fragment'}> is not a registered component (use one of ${Object.keys(componentAttributes).join(', ')})`);
        return;
      }
      const parsed = componentAttributes[name].safeParse(literalAttributes(node, usage.problems, where));
      if (!parsed.success) {
        for (const issue of parsed.error.issues) usage.problems.push(`${where}: <${name}> ${issue.path.join('.') || 'attributes'}: ${issue.message}`);
        break;
      }
      const attrs: Record<string, unknown> = parsed.data;
      if (name === 'KnowledgeCheck' && typeof attrs.id === 'string') usage.knowledgeChecks.push(attrs.id);
      if (name === 'SayItInUrdu' && typeof attrs.id === 'string') usage.phrasePanels.push(attrs.id);
      if (name === 'References' && typeof attrs.ids === 'string') usage.referenceIds.push(...attrs.ids.split(',').map((s) => s.trim()).filter(Boolean));
      if (typeof attrs.trainer === 'string') usage.trainers.push({ component: name, id: attrs.trainer });
      for (const key of ['src', 'poster', 'captions']) {
        const v = attrs[key];
        if (typeof v === 'string') usage.media.push(v);
      }
      break;
    }
    default:
      break;
  }
  for (const child of node.children ?? []) checkNode(child, usage, lineOffset);
}

/** A remark plugin that records component use into `usage` and fails on anything not allowed. */
export function remarkLessonRules(usage: MdxUsage, lineOffset = 0) {
  return () => (tree: Node, file: { path?: string }) => {
    checkNode(tree, usage, lineOffset);
    if (usage.problems.length > 0) {
      throw new Error(`${file.path ?? 'lesson'}:\n  ${usage.problems.join('\n  ')}`);
    }
  };
}
