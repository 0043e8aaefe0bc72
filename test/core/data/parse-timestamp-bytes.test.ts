import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysFromCivil, parseTimestampBytes } from '../../../core/data/infer/parse-timestamp-bytes.js';

test('days from the civil date agree with Date.UTC on every month of years 100–9999', () => {
  for (let year = 100; year <= 9999; year++) {
    for (let month = 1; month <= 12; month++) {
      for (const day of [1, 28]) {
        const days = daysFromCivil(year, month, day);
        if (days * 86_400_000 !== Date.UTC(year, month - 1, day))
          assert.fail(`${year}-${month}-${day}: ${days} days`);
      }
    }
  }
});

test('timestamps read from bytes equal what Date.parse makes of them', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const texts = [
    '2026-01-01',
    '2024-02-29T23:59:59Z',
    '1969-12-31T23:59:59.999Z',
    '2026-03-04 05:06:07.8',
    '2026-03-04T05:06:07.89Z',
    '2026-03-04T05:06:07.123456Z',
    '1600-03-01T00:00:00Z',
  ];
  for (const text of texts) {
    const iso = text.replace(' ', 'T').replace(/(\.\d{3})\d+/, '$1');
    const expected = Date.parse(/Z$|^\d{4}-\d\d-\d\d$/.test(iso) ? iso : `${iso}Z`);
    assert.equal(parseTimestampBytes(bytes(text), 0, text.length), expected, text);
  }
  assert.ok(Number.isNaN(parseTimestampBytes(bytes('2026-02-30'), 0, 10)));
  assert.ok(Number.isNaN(parseTimestampBytes(bytes('2026-01-01T10:00:00.Z'), 0, 21)));
});
