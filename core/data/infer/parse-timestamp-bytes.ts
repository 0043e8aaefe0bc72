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
  const year = digits(bytes, start, 4);
  const month = digits(bytes, start + 5, 2);
  const day = digits(bytes, start + 8, 2);
  // Date.UTC maps years 0–99 to 1900–1999; leave those rare dates to parseTimestamp.
  if (year < 100) return parseTimestamp(asciiText(bytes, start, end)) ?? NaN;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (length === 10) return Date.UTC(year, month - 1, day);

  const separator = bytes[start + 10];
  if (
    (separator === 84 || separator === 32) &&
    length >= 19 &&
    bytes[start + 13] === COLON &&
    bytes[start + 16] === COLON
  ) {
    const hour = digits(bytes, start + 11, 2);
    const minute = digits(bytes, start + 14, 2);
    const second = digits(bytes, start + 17, 2);
    let i = start + 19;
    let millis = 0;
    if (i < end && bytes[i] === 46) {
      let scale = 100;
      let count = 0;
      for (i++; i < end && bytes[i]! >= 48 && bytes[i]! <= 57; i++, count++) {
        millis += (bytes[i]! - 48) * scale;
        scale /= 10;
      }
      if (count === 0) return NaN;
      millis = Math.floor(millis + 1e-9);
    }
    const utc = i === end || (i === end - 1 && (bytes[i] === 90 || bytes[i] === 122));
    if (utc && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60)
      return Date.UTC(year, month - 1, day, hour, minute, second, millis);
  }
  return parseTimestamp(asciiText(bytes, start, end)) ?? NaN;
}

function digits(bytes: Uint8Array, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
