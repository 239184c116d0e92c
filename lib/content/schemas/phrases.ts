// A "say it in Urdu" panel (content/phrases/<id>.yaml): the key phrases a doctor needs at one
// moment of a consult, in English, Urdu script and Roman Urdu. Pure.
import { z } from 'zod';
import { nonEmpty as text, slugSchema } from './common';
import { urduSchema } from './urdu';

export const phrasePanelSchema = z.strictObject({
  id: slugSchema,
  /** What the panel is for: "Asking for consent". */
  title: text,
  /** The phrases, each as the lesson says it in English and in Urdu. */
  phrases: z.array(z.strictObject({ en: text, ur: urduSchema })).min(1),
});

export type PhrasePanelDef = z.infer<typeof phrasePanelSchema>;
