/**
 * Local calendar day and hour of instants in a time zone, fast enough for millions of rows: the zone offset is
 * looked up once per 15-minute slot (every real time-zone transition falls on such a boundary) through the
 * ECMAScript `Intl` API, so nothing depends on the host's own time zone.
 *
 * @module
 */
import { daysFromCivil, MS_PER_DAY } from '../core/index.js';

/** Day number and hour of an instant in one zone (internal). */
export interface LocalClock {
  /** Calendar day number (days since 1970-01-01) of the instant. */
  dayOf(instant: number): number;
  /** Hour 0-23 of the instant. */
  hourOf(instant: number): number;
}

const SLOT_MS = 15 * 60_000;

/** A clock for `timeZone` (IANA name) or UTC; throws a `RangeError` for an unknown zone. */
export function createLocalClock(timeZone: string | undefined): LocalClock {
  if (timeZone === undefined || timeZone === 'UTC' || timeZone === 'Etc/UTC') {
    return {
      dayOf: (instant) => Math.floor(instant / MS_PER_DAY),
      hourOf: (instant) => Math.floor((instant - Math.floor(instant / MS_PER_DAY) * MS_PER_DAY) / 3_600_000),
    };
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new RangeError(`[clientele] unknown time zone: ${timeZone}`);
  }
  const offsets = new Map<number, number>();
  const offsetAt = (instant: number): number => {
    const slot = Math.floor(instant / SLOT_MS);
    let offset = offsets.get(slot);
    if (offset === undefined) {
      const start = slot * SLOT_MS;
      const parts: Record<string, number> = {};
      for (const part of format.formatToParts(new Date(start))) {
        if (part.type !== 'literal') parts[part.type] = Number(part.value);
      }
      const wall =
        (daysFromCivil(parts.year!, parts.month!, parts.day!) * 86_400 +
          parts.hour! * 3600 +
          parts.minute! * 60 +
          parts.second!) *
        1000;
      offset = wall - start;
      offsets.set(slot, offset);
    }
    return offset;
  };
  return {
    dayOf: (instant) => Math.floor((instant + offsetAt(instant)) / MS_PER_DAY),
    hourOf: (instant) => {
      const local = instant + offsetAt(instant);
      return Math.floor((local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY) / 3_600_000);
    },
  };
}
