import type { ReactNode } from 'react';

/**
 * The rich-text tag for English inside Urdu sentences (`<en>CPD</en>` in messages/ur.json): a
 * `<bdi>` isolates it, so a name, a code or a URL keeps its own left-to-right order and does not
 * reorder the Urdu around it.
 */
export const bidiTags = {
  en: (chunks: ReactNode) => <bdi lang="en">{chunks}</bdi>,
};
