import { parseTimestamp } from '../parse-timestamp.js';
import { asciiText } from './parse-number-bytes.js';

const DASH = 45;
const COLON = 58;

/**
 * Epoch milliseconds of an ISO 8601 date or date-time held in bytes, or NaN when it is not one.
 * The shapes extracts almost always use (`2024-05-01`, `2024-05-01T12:30:00`, `…12:30:00.123Z`) are
 * read straight from the digits; anything else (offsets, odd precision) goes through `parseTimestamp`,
 * which defines the accepted forms.
 */
export function parseTimestampBytes(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length < 10 || bytes[start + 4] !== DASH || bytes[start + 7] !== DASH) return NaN;
  const century = twoDigits(bytes, start);
  const yearInCentury = twoDigits(bytes, start + 2);
  const year = century < 0 || yearInCentury < 0 ? -1 : century * 100 + yearInCentury;
  const month = twoDigits(bytes, start + 5);
  const day = twoDigits(bytes, start + 8);
  // Date.UTC maps years 0–99 to 1900–1999; leave those rare dates to parseTimestamp.
  if (year < 100) return parseTimestamp(asciiText(bytes, start, end)) ?? NaN;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (length === 10) return daysFromCivil(year, month, day) * DAY_MS;

  const separator = bytes[start + 10];
  if (
    (separator === 84 || separator === 32) &&
    length >= 19 &&
    bytes[start + 13] === COLON &&
    bytes[start + 16] === COLON
  ) {
    const hour = twoDigits(bytes, start + 11);
    const minute = twoDigits(bytes, start + 14);
    const second = twoDigits(bytes, start + 17);
    let i = start + 19;
    let millis = 0;
    if (i < end && bytes[i] === 46) {
      // Milliseconds are the first three fraction digits (later ones are truncated, not rounded).
      const fractionStart = ++i;
      for (; i < end && bytes[i]! >= 48 && bytes[i]! <= 57; i++)
        if (i - fractionStart < 3) millis = millis * 10 + bytes[i]! - 48;
      const count = i - fractionStart;
      if (count === 0) return NaN;
      if (count < 3) millis *= count === 1 ? 100 : 10;
    }
    const utc = i === end || (i === end - 1 && (bytes[i] === 90 || bytes[i] === 122));
    if (utc && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60)
      return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  }
  return parseTimestamp(asciiText(bytes, start, end)) ?? NaN;
}

const DAY_MS = 86_400_000;

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's algorithm):
 * integer arithmetic, where Date.UTC is a runtime call per value. Exact for every year Date handles.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The number written by two ASCII digits, or -1. */
function twoDigits(bytes: Uint8Array, at: number): number {
  const tens = bytes[at]! - 48;
  const ones = bytes[at + 1]! - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
