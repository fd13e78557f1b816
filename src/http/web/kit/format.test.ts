import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatDateTime, formatNumber, zoneLabel } from './format.js';

test('dates and times read in the unit\'s time zone, named WIB, WITA or WIT, and any other zone by its UTC offset as mail names it', () => {
  const lateEvening = new Date('2026-03-13T16:30:00Z');
  assert.equal(formatDateTime('id', lateEvening, 'Asia/Jakarta'), '13 Maret 2026 23.30 WIB');
  assert.equal(formatDateTime('en', lateEvening, 'Asia/Jayapura'), '14 March 2026 01:30 WIT');
  assert.equal(formatDate('id', lateEvening, 'Asia/Makassar'), '14 Maret 2026');
  assert.equal(zoneLabel('Asia/Makassar'), 'WITA');
  assert.equal(zoneLabel('Europe/Amsterdam'), 'UTC+1');
  assert.equal(formatDateTime('en', new Date('2026-07-01T10:00:00Z'), 'Europe/Amsterdam'), '1 July 2026 12:00 UTC+2');
});

test('numbers are grouped the way each language writes them', () => {
  assert.equal(formatNumber('id', 1234567), '1.234.567');
  assert.equal(formatNumber('en', 1234567), '1,234,567');
});
