import type { ComplaintStatus } from '../domain/complaint/complaint-status.js';

export const statusLabels: Record<ComplaintStatus, { id: string; en: string }> = {
  received: { id: 'Diterima', en: 'Received' },
  needs_info: { id: 'Menunggu keterangan pelapor', en: 'Waiting for information from you' },
  rejected: { id: 'Tidak dapat ditindaklanjuti', en: 'Cannot be taken further' },
  verified: { id: 'Terverifikasi', en: 'Verified' },
  assigned: { id: 'Didisposisikan', en: 'Assigned' },
  in_progress: { id: 'Sedang ditangani', en: 'Being handled' },
  response_review: { id: 'Tanggapan sedang ditinjau', en: 'Response under review' },
  response_approved: { id: 'Tanggapan disetujui', en: 'Response approved' },
  responded: { id: 'Sudah ditanggapi', en: 'Responded' },
  closed: { id: 'Selesai', en: 'Closed' },
  appealed: { id: 'Banding / keberatan', en: 'Appealed' },
  referred: { id: 'Dilimpahkan', en: 'Referred' },
  merged: { id: 'Digabung dengan pengaduan lain', en: 'Merged with another complaint' },
  withdrawn: { id: 'Dicabut', en: 'Withdrawn' },
};
