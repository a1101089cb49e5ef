const pad = (value: number) => String(value).padStart(2, '0');

/** A time as a `datetime-local` input shows it, in the computer's time zone, to the minute. */
export function toLocalInput(ms: number): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` input's value as ms since the epoch, or null when it is empty or not a time. */
export function fromLocalInput(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hours, minutes] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const date = new Date(year, month - 1, day, hours, minutes, match[6] ? Number(match[6]) : 0);
  return Number.isNaN(date.getTime()) ? null : date.getTime();
}
