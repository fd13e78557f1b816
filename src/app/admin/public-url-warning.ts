import type { AdminWarning } from './admin-warning.js';

/**
 * PUBLIC_URL is printed on every letter (the verification QR, the tracking page) and in every
 * mail: left unset it is http://localhost:<port>, which no reporter can open.
 */
export function publicUrlWarning(publicUrl: string): AdminWarning | undefined {
  let host: string;
  try {
    host = new URL(publicUrl).hostname;
  } catch {
    host = '';
  }
  const isLocal = host === '' || host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]' || host === '0.0.0.0';
  if (!isLocal) return undefined;
  return {
    code: 'public_url.local',
    message: {
      id: `PUBLIC_URL belum diatur atau menunjuk ke komputer ini (${publicUrl}). Alamat ini dicetak pada setiap surat tanggapan (kode QR verifikasi) dan surel, sehingga pelapor tidak dapat membukanya. Atur PUBLIC_URL ke alamat publik situs ini.`,
      en: `PUBLIC_URL is unset or points at this machine (${publicUrl}). It is printed on every response letter (the verification QR code) and in every mail, where reporters cannot open it. Set PUBLIC_URL to this site's public address.`,
    },
  };
}
