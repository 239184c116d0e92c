// The messages and formats for one request. The locale comes from the root parameter
// (app/[locale], via next/root-params), so lessons stay prerendered per locale; server actions
// have no root parameter and use the locale next-intl's proxy rewrite recorded for the request.
import { getRequestConfig } from 'next-intl/server';
import { locale as rootLocale } from 'next/root-params';
import { type AppLocale, appLocaleOf, formattingLocale, isAppLocale, routing } from './routing';
import { formats } from './formats';

async function segmentLocale(): Promise<unknown> {
  try {
    return await rootLocale();
  } catch {
    return undefined;
  }
}

export default getRequestConfig(async (params) => {
  const explicit = params.locale;
  // Reading requestLocale (a getter: not destructured) reads the request's headers, which would make
  // every page dynamic: only when there is no root parameter (a server action) is it asked.
  const fromSegment = typeof explicit === 'string' ? appLocaleOf(explicit) : await segmentLocale();
  const fromRequest = isAppLocale(fromSegment) ? fromSegment : await params.requestLocale;
  const locale: AppLocale = isAppLocale(fromRequest) ? fromRequest : routing.defaultLocale;
  const messages = locale === 'ur' ? (await import('../messages/ur.json')).default : (await import('../messages/en.json')).default;
  return { locale: formattingLocale[locale], messages, formats, timeZone: 'Asia/Karachi' };
});
