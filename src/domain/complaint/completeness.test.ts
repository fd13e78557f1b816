import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assessCompleteness } from './completeness.js';

describe('completeness of the 5W1H facts', () => {
  it('is full when what, where, when, who and how are answered; why is optional', () => {
    const complete = assessCompleteness({
      what: 'Pungutan liar saat mengurus KTP', where: 'Kantor Desa Karangbawang', when: 'Senin, 2 Maret 2026 pagi',
      who: 'Petugas loket 2', how: 'Diminta Rp50.000 agar cepat selesai',
    });
    assert.deepEqual(complete, { score: 100, missing: [] });
  });

  it('lists what is missing and lowers the score for each', () => {
    assert.deepEqual(assessCompleteness({ what: 'Jalan rusak', where: 'Jl. Merdeka' }), { score: 40, missing: ['when', 'who', 'how'] });
  });

  it('does not count blank or throwaway answers', () => {
    assert.deepEqual(assessCompleteness({ what: '  ', where: '-', when: 'ok', who: 'Budi', how: 'Tidak dilayani' }).missing, ['what', 'where', 'when']);
  });
});
