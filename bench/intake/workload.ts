import { aComplaint } from '../../test/support/test-app.js';

/** The submission every phase sends: an anonymous complaint with all six 5W1H facts. */
export const complaint = aComplaint({
  facts: {
    what: 'Diminta membayar Rp50.000 untuk KTP', where: 'Kantor Desa Karangbawang, loket 2',
    when: 'Senin 2 Maret 2026 sekitar pukul 09.00', who: 'Petugas loket 2', how: 'Diminta langsung secara lisan',
    why: 'Agar KTP selesai hari itu juga',
  },
}) as { title: string; description: string; identity: { mode: 'anonymous' }; facts: Record<string, string> };

export const complaintJson = JSON.stringify(complaint);

export interface TrackingPair {
  registerNumber: string;
  trackingCode: string;
}
