'use client';
import { useEffect, useState } from 'react';

// What the browser says about the link: Chrome on Android sets saveData (the same setting that
// sends the Save-Data request header) in Lite mode, and effectiveType from measured speed.
type Connection = { saveData?: boolean; effectiveType?: string };
const slowTypes = new Set(['slow-2g', '2g']);
const offerCookie = 'lowdata-offer';
const year = 365 * 86_400;

function hasCookie(name: string, value: string): boolean {
  return document.cookie.split(';').some((c) => c.trim() === `${name}=${value}`);
}

function setCookie(name: string, value: string) {
  document.cookie = `${name}=${value}; Max-Age=${year}; Path=/; SameSite=Lax${location.protocol === 'https:' ? '; Secure' : ''}`;
}

/**
 * Offers low-data mode, once, when the browser asks to save data or reports a 2G link: one tap
 * turns it on (the same cookie as /settings/data), "No thanks" is remembered on the device. Never
 * switched on by itself. Fixed to the bottom of the screen, so showing it moves nothing on the page.
 */
export function LowDataOffer() {
  const [show, setShow] = useState(false);
  useEffect(() => {
    const connection = (navigator as Navigator & { connection?: Connection }).connection;
    const asks = connection?.saveData === true || slowTypes.has(connection?.effectiveType ?? '');
    if (asks && !hasCookie('lowdata', '1') && !hasCookie(offerCookie, 'no')) setShow(true);
  }, []);
  if (!show) return null;
  return (
    <aside className="fixed inset-x-0 bottom-0 z-20 border-t border-line bg-white p-3 shadow-lg" aria-label="Low-data mode" data-testid="lowdata-offer">
      <div className="container-page flex flex-wrap items-center gap-3">
        <p className="m-0 flex-1 basis-64 text-sm">
          Your browser is saving data. Turn on <strong>low-data mode</strong>? Lessons then open as plain pages of a few kilobytes; you can turn it off
          in the footer&apos;s settings.
        </p>
        <button
          type="button"
          className="btn btn-primary btn-small"
          onClick={() => {
            setCookie('lowdata', '1');
            location.reload();
          }}
        >
          Turn on low-data mode
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            setCookie(offerCookie, 'no');
            setShow(false);
          }}
        >
          No thanks
        </button>
      </div>
    </aside>
  );
}
