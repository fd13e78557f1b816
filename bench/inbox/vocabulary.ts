// Indonesian-ish text for the seeded complaints: a vocabulary of a few thousand words drawn
// Zipf-like (frequency ~ 1/rank), so full-text search meets realistic posting-list lengths:
// a few words everywhere, a long tail of rare ones.

/** Deterministic PRNG (mulberry32), so every seed draws the same text. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The head of the distribution: real words a complaint about a public office uses.
const commonWords = `yang dan di ke dari tidak ini itu dengan untuk pada saya kami sudah belum akan
  ada karena oleh dalam atau juga bisa harus sangat lebih masih hanya tetapi namun setelah
  sebelum saat waktu hari minggu bulan tahun jam pagi siang sore petugas pegawai kantor
  pelayanan layanan loket antrian berkas dokumen surat permohonan pengajuan biaya tarif
  pembayaran kwitansi lelang pengumuman jaminan piutang negara kekayaan aset tanah bangunan
  sertifikat balai penilaian laporan pengaduan keluhan informasi jawaban respon lambat cepat
  lama menunggu datang pulang ditolak diterima diproses selesai terlambat kurang ramah kasar
  sopan bersih kotor rusak parkir toilet ruang tunggu kursi pendingin telepon email website
  aplikasi sistem gangguan error daring online formulir syarat persyaratan prosedur aturan
  peraturan ketentuan kepala seksi bidang bagian unit kepala kantor wilayah pusat daerah kota
  kabupaten provinsi jalan nomor alamat warga masyarakat pemohon peserta pemenang pembeli
  penjual debitur kreditur uang rupiah juta ribu pungutan liar suap imbalan calo oknum meminta
  memberi membayar menerima mengurus mengambil menyerahkan menanyakan menjelaskan
  menghubungi mendapat mendapatkan kembali lagi sekali berkali tolong mohon segera harap
  ditindaklanjuti diperbaiki dijelaskan dikembalikan transparan jelas tidak jelas`.split(/\s+/).filter((word) => word !== '');

const onsets = ['b', 'c', 'd', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'w', 'y', 'ng', 'ny', 'kh', 'sy', 'tr', 'pr', 'br', 'kl'];
const vowels = ['a', 'a', 'a', 'i', 'i', 'u', 'u', 'e', 'o'];
const codas = ['', '', '', 'n', 'ng', 'r', 'k', 't', 'l', 's', 'h', 'm'];
const prefixes = ['', '', '', 'me', 'ber', 'di', 'pe', 'ter', 'ke', 'se', 'mem', 'pen'];
const suffixes = ['', '', '', 'kan', 'an', 'nya', 'i', 'lah'];

/** `size` distinct words, most frequent first: the common words, then made-up ones. */
export function buildVocabulary(size: number, random: () => number): string[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const words: string[] = [];
  const seen = new Set<string>();
  const add = (word: string) => {
    if (word.length < 2 || seen.has(word)) return;
    seen.add(word);
    words.push(word);
  };
  for (const word of commonWords) add(word);
  while (words.length < size) {
    let stem = '';
    const syllables = 2 + Math.floor(random() * 2);
    for (let index = 0; index < syllables; index++) stem += pick(onsets) + pick(vowels) + (index === syllables - 1 ? pick(codas) : '');
    add(pick(prefixes) + stem + pick(suffixes));
  }
  return words.slice(0, size);
}

/** Draws ranks 0..n-1 with probability ~ 1/(rank+1)^s. */
export function zipfSampler(n: number, s: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let rank = 0; rank < n; rank++) {
    sum += 1 / (rank + 1) ** s;
    cumulative[rank] = sum;
  }
  return () => {
    const target = random() * sum;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

/** `count` phrases of `minWords`..`maxWords` words each. */
export function buildPhrases(count: number, minWords: number, maxWords: number, words: string[], seed: number): string[] {
  const random = prng(seed);
  const rank = zipfSampler(words.length, 1.0, random);
  const phrases: string[] = [];
  for (let index = 0; index < count; index++) {
    const length = minWords + Math.floor(random() * (maxWords - minWords + 1));
    const parts: string[] = [];
    for (let word = 0; word < length; word++) parts.push(words[rank()] ?? 'aduan');
    phrases.push(parts.join(' '));
  }
  return phrases;
}
