// Named formats for next-intl's formatter (`format.dateTime(d, 'day')`). Times are Pakistan time
// (where the learners are). Urdu uses Western digits: see README "Languages" for the reason.
import type { Formats } from 'next-intl';

export const formats = {
  dateTime: {
    day: { day: 'numeric', month: 'short', year: 'numeric' },
    dayLong: { day: 'numeric', month: 'long', year: 'numeric' },
    dayTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  },
  number: {
    percent: { style: 'percent', maximumFractionDigits: 1 },
  },
} satisfies Formats;
