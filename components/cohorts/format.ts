const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Karachi' });

/** A date as instructors in Pakistan read it: 26 Nov 2026. */
export const formatDate = (d: Date) => dateFormat.format(d);

/** A share (0..1) as a whole percent. */
export const percent = (share: number) => `${Math.round(share * 100)}%`;

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Asia/Karachi', timeZoneName: 'short' });

/** A time of day in Pakistan: 14:05:09 GMT+5. */
export const formatTime = (d: Date) => timeFormat.format(d);
