/** Dates as whole days since 1970-01-01 (UTC), so arithmetic stays integer and platform-independent. */

const MS_PER_DAY = 86_400_000;

export function day(year: number, month: number, dayOfMonth: number): number {
  return Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY;
}

/** The generated network covers these years. */
export const PERIOD = { from: day(2015, 1, 1), to: day(2024, 12, 31) } as const;

/** The Boten–Vientiane railway opened on 3 December 2021. */
export const RAILWAY_OPENED = day(2021, 12, 3);

export function isoDate(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The date as a source might have written it: `variant` 0–3 picks ISO, day/month/year, prose, or `08-Apr-19`. */
export function dateText(days: number, variant: number): string {
  const date = new Date(days * MS_PER_DAY);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  switch (variant) {
    case 1:
      return `${String(d).padStart(2, "0")}/${String(m + 1).padStart(2, "0")}/${y}`;
    case 2:
      return `${d} ${MONTHS[m]} ${y}`;
    case 3:
      return `${String(d).padStart(2, "0")}-${MONTHS[m].slice(0, 3)}-${String(y % 100).padStart(2, "0")}`;
    default:
      return isoDate(days);
  }
}
