'use client';
import { usePathname } from 'next/navigation';
import { switchLanguageAction } from '@/app/[locale]/(site)/settings/language-actions';

type Props = { to: 'en' | 'ur'; label: string; title: string };

/**
 * The header's language switch: a one-button form (so it works without scripts) that opens the same
 * page in the other language. The action remembers the choice on this device and, signed in, on
 * the account. The button names the other language in that language (`اردو`, `English`).
 */
export function LanguageSwitch({ to, label, title }: Props) {
  const path = usePathname();
  return (
    <form action={switchLanguageAction} className="inline">
      <input type="hidden" name="locale" value={to} />
      <input type="hidden" name="path" value={path} />
      <button type="submit" className="cursor-pointer border-0 bg-transparent p-0 text-brand underline" lang={to} title={title} data-testid="language-switch">
        {label}
      </button>
    </form>
  );
}
