import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalog, translator } from './catalog.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

test('every page text is written in both languages, with the same placeholders', () => {
  for (const [key, indonesian] of Object.entries(catalog.id)) {
    const english = (catalog.en as Record<string, string>)[key];
    assert.ok(indonesian.trim() !== '' && english !== undefined && english.trim() !== '', `${key} has a text in both languages`);
    assert.deepEqual(placeholders(english), placeholders(indonesian), `${key} has the same placeholders in both languages`);
  }
});

test('a text fills its placeholders and leaves an unknown one visible', () => {
  assert.equal(translator('id')('nav.complain'), 'Buat pengaduan');
  assert.equal(translator('en')('nav.complain'), 'Make a complaint');
  const t = translator('en') as (key: string, params?: Record<string, string | number>) => string;
  assert.equal(t('error.notFound.title', { unused: 1 }), 'Page not found');
});
