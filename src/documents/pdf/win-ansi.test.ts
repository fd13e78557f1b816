import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toWinAnsi, winAnsiHighBytes } from './win-ansi.js';

describe('toWinAnsi', () => {
  it('keeps Indonesian text, Latin-1 accents and line breaks as they are', () => {
    assert.equal(toWinAnsi('Pekanbaru, 23 November 2026\nJl. Café No. 7 – “Rahasia”'), 'Pekanbaru, 23 November 2026\nJl. Café No. 7 – “Rahasia”');
  });

  it('drops accents that WinAnsi lacks and spells letters that do not decompose', () => {
    assert.equal(toWinAnsi('Łódź Dưỡng ő'), 'Lódz Duong o');
  });

  it('writes a question mark for characters with no Latin form', () => {
    assert.equal(toWinAnsi('名前 ok'), '?? ok');
  });

  it('turns Windows line ends into one line break and tabs into spaces', () => {
    assert.equal(toWinAnsi('a\r\nb\rc\td'), 'a\nb\nc d');
  });

  it('maps every high byte to a character it keeps', () => {
    for (const character of winAnsiHighBytes.values()) assert.equal(toWinAnsi(character), character);
  });
});
