import { sql, type Kysely } from 'kysely';

/**
 * A fresh installation needs somewhere for complaints to land and categories to choose
 * from. These defaults come from the seed documents; administrators rename and extend them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    insert into units (code, name, parent_id, time_zone)
    values ('ADUAN', 'Unit Pengelola Pengaduan', null, 'Asia/Jakarta');

    insert into categories (code, name_id, name_en, is_whistleblowing) values
      ('service.procedure', 'Kualitas layanan: prosedur', 'Service quality: procedure', false),
      ('service.time', 'Kualitas layanan: waktu', 'Service quality: time', false),
      ('service.cost', 'Kualitas layanan: biaya', 'Service quality: cost', false),
      ('service.facilities', 'Kualitas layanan: sarana dan kondisi kantor', 'Service quality: facilities', false),
      ('service.conduct', 'Kualitas layanan: sikap petugas', 'Service quality: staff conduct', false),
      ('integrity.fraud', 'Kecurangan (fraud)', 'Fraud', true),
      ('integrity.corruption', 'Korupsi', 'Corruption', true),
      ('integrity.bribery', 'Penyuapan dan pungutan liar', 'Bribery and illegal levies', true),
      ('safeguards.social', 'Perlindungan sosial', 'Social safeguards', false),
      ('safeguards.environmental', 'Perlindungan lingkungan', 'Environmental safeguards', false),
      ('information.request', 'Permintaan informasi', 'Information request', false),
      ('suggestion', 'Saran atau aspirasi', 'Suggestion or aspiration', false);
  `.execute(db);
}
