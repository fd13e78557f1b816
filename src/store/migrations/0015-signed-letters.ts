import { sql, type Kysely } from 'kysely';

/**
 * What a response letter needs to be signed and checked by anyone holding a copy:
 * - the signer's NIP and position (jabatan) on the staff account, printed under the signature;
 * - the letterhead's logo (one image) and the administrator's signing certificate (one PKCS#12,
 *   sealed with the server key together with its passphrase; its names and validity in clear,
 *   so the admin page can show them without opening it);
 * - every issued letter, under a short public code: what the verification page shows, the
 *   SHA-256 of the final signed bytes, and those bytes themselves, sealed (an identified
 *   reporter's name and address are in them, and identity is kept only sealed).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table users
      add column nip text,
      add column position text;

    create table letterhead_logos (
      id smallint not null constraint letterhead_logos_pkey primary key constraint letterhead_logos_single_row check (id = 1),
      media_type text not null,
      content bytea not null,
      updated_at timestamptz not null
    );

    create table letter_signing_certificates (
      id smallint not null constraint letter_signing_certificates_pkey primary key constraint letter_signing_certificates_single_row check (id = 1),
      sealed_key_store bytea not null,
      subject text not null,
      issuer text not null,
      serial_number text not null,
      valid_from timestamptz not null,
      valid_until timestamptz not null,
      updated_at timestamptz not null
    );

    create table issued_letters (
      code text not null constraint issued_letters_pkey primary key,
      complaint_id uuid not null,
      draft_number integer not null,
      register_number text not null,
      letter_number text not null,
      signed_at timestamptz not null,
      time_zone text not null,
      signer_name text not null,
      signer_position text not null,
      signer_unit text not null,
      is_signed boolean not null,
      sha256 text not null,
      sealed_pdf bytea not null,
      constraint issued_letters_response_letter_fkey foreign key (complaint_id, draft_number) references response_letters (complaint_id, draft_number),
      constraint issued_letters_response_letter_key unique (complaint_id, draft_number)
    );
  `.execute(db);
}
