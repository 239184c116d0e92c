// Dates are shown in Pakistan time, where the learners are; the label says so.
const timeZone = 'Asia/Karachi';
const dateTime = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const timeOnly = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' });

/** "1 Mar 2025, 14:05 PKT". */
export function formatDateTime(date: Date): string {
  return `${dateTime.format(date)} PKT`;
}

/** "14:05 PKT". */
export function formatTime(date: Date): string {
  return `${timeOnly.format(date)} PKT`;
}

/** A score in percent as stored (already floored to one decimal): "87.5%". */
export function formatScore(score: number | null): string {
  return score === null ? '—' : `${score}%`;
}

/** "in 1 minute", "in 60 minutes", "in 2 h 5 min": how long until `date`, rounded up. */
export function formatWait(date: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((date.getTime() - now.getTime()) / 60_000));
  if (minutes < 120) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `in ${hours} h${rest ? ` ${rest} min` : ''}`;
}

/** "20 minutes", "1 hour 30 minutes". */
export function formatMinutes(total: number): string {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  const parts = [hours ? `${hours} hour${hours === 1 ? '' : 's'}` : '', minutes ? `${minutes} minute${minutes === 1 ? '' : 's'}` : ''];
  return parts.filter(Boolean).join(' ') || '0 minutes';
}
