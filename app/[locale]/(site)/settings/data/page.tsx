import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { bidiTags } from '@/components/site/bidi';
import { setLowDataAction, setUrduFontAction } from './actions';

export const metadata: Metadata = { title: 'Data and offline settings', robots: { index: false } };

type Props = { searchParams: Promise<{ saved?: string; font?: string }> };

export default async function DataSettingsPage({ searchParams }: Props) {
  const [{ saved, font }, jar, t] = await Promise.all([searchParams, cookies(), getTranslations('settings')]);
  const on = jar.get('lowdata')?.value === '1';
  const nastaliq = jar.get('urdufont')?.value === 'nastaliq';
  return (
    <div className="narrow stack-lg">
      <h1 className="m-0">Data and offline</h1>
      {saved ? (
        <p role="status" className="notice notice-ok">
          Low-data mode is {saved === 'on' ? 'on' : 'off'} on this device.
        </p>
      ) : null}
      <section aria-labelledby="lowdata" className="card stack">
        <h2 id="lowdata" className="m-0">
          Low-data mode: <span data-testid="lowdata-state">{on ? 'on' : 'off'}</span>
        </h2>
        <p className="m-0">
          Lessons open as plain pages of a few kilobytes with no scripts: pictures become small placeholders you tap to open, videos never load on
          their own, and knowledge checks show their answer when you ask. The setting is kept on this device and browser only.
        </p>
        <form action={setLowDataAction}>
          <input type="hidden" name="lowdata" value={on ? '0' : '1'} />
          <button type="submit" className={on ? 'btn' : 'btn btn-primary'}>
            {on ? 'Turn low-data mode off' : 'Turn low-data mode on'}
          </button>
        </form>
      </section>
      {font ? (
        <p role="status" className="notice notice-ok">
          {t('fontSaved', { state: font === 'nastaliq' ? 'nastaliq' : 'system' })}
        </p>
      ) : null}
      <section aria-labelledby="urdu-font" className="card stack">
        <h2 id="urdu-font" className="m-0">
          {t('fontHeading')}: <span data-testid="urdu-font-state">{t('fontState', { state: nastaliq ? 'nastaliq' : 'system' })}</span>
        </h2>
        <p className="m-0">{t.rich('fontText', bidiTags)}</p>
        <form action={setUrduFontAction}>
          <input type="hidden" name="font" value={nastaliq ? 'system' : 'nastaliq'} />
          <button type="submit" className="btn">
            {nastaliq ? t('fontOff') : t('fontOn')}
          </button>
        </form>
      </section>
      <section aria-labelledby="offline" className="stack">
        <h2 id="offline" className="m-0">
          Reading offline
        </h2>
        <p className="m-0">
          On a module&apos;s page, press <strong>Save for offline</strong>: its lessons are kept in this browser. Offline, open the site as usual
          and read them, answer their knowledge checks and mark them complete; your progress is sent once when the connection returns. Quizzes
          and virtual consults are scored on the server and need a connection; an attempt you have started stays as you left it.
        </p>
      </section>
    </div>
  );
}
