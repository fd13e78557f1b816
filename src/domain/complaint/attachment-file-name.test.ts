import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attachmentFileName } from './attachment-file-name.js';

test('a right-to-left override cannot disguise an executable as a text file', () => {
  assert.equal(attachmentFileName('a\u202etxt.exe'), 'atxt.exe');
});

test('every bidirectional control and invisible mark is removed', () => {
  for (const mark of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\u200b', '\ufeff']) {
    assert.equal(attachmentFileName(`bukti${mark}.pdf`), 'bukti.pdf', `U+${mark.codePointAt(0)?.toString(16)}`);
  }
});

test('control characters, NUL included, are removed, and a lone surrogate too', () => {
  assert.equal(attachmentFileName('fo\u0000to\u0007\u001b[31m.jpg'), 'foto[31m.jpg');
  assert.equal(attachmentFileName('a\u0085b\u009f.png'), 'ab.png');
  assert.equal(attachmentFileName('x\ud800y.pdf'), 'xy.pdf');
});

test('the name keeps its letters, emoji and accents, without any path', () => {
  assert.equal(attachmentFileName('C:\\Users\\siti\\Dokumen\\surat été 😀.pdf'), 'surat été 😀.pdf');
  assert.equal(attachmentFileName('../../etc/passwd'), 'passwd');
});

test('a name that is nothing after cleaning becomes "lampiran", and a long one is cut on a whole character', () => {
  assert.equal(attachmentFileName('\u202e\u0000 '), 'lampiran');
  assert.equal(attachmentFileName('..'), 'lampiran');
  const long = attachmentFileName(`${'a'.repeat(199)}😀😀.pdf`);
  assert.equal(Array.from(long).length, 200);
  assert.ok(long.endsWith('😀'));
});
