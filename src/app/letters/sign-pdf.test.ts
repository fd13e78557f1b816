import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import PDFDocument from 'pdfkit';
import { aSelfSignedP12 } from '../../../test/support/signing-certificate.js';
import { DomainError } from '../../domain/domain-error.js';
import { signPdf } from './sign-pdf.js';
import { describeSigningKeyStore } from './signing-key-store.js';

function aPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', compress: false, info: { CreationDate: new Date('2026-11-23T03:00:00Z') } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  doc.text('Surat tanggapan');
  doc.end();
  return done;
}

/** What poppler's pdfsig, a verifier independent of ours, says of a file. */
export function pdfsig(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'aduan-pdfsig-'));
  try {
    writeFileSync(join(dir, 'letter.pdf'), pdf);
    return execFileSync('pdfsig', [join(dir, 'letter.pdf')], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('signPdf', () => {
  it('gives a PDF whose signature pdfsig verifies, naming the signer', async () => {
    const store = aSelfSignedP12({ commonName: 'Dewi Lestari' });
    const signed = await signPdf(await aPdf(), store, { name: 'Dewi Lestari', reason: 'Tanggapan pengaduan', location: 'Bandung', signedAt: new Date('2026-11-23T03:00:00Z') });
    const report = pdfsig(signed);
    assert.match(report, /Signature Validation: Signature is Valid/);
    assert.match(report, /Signer Certificate Common Name: Dewi Lestari/);
    assert.match(report, /adbe\.pkcs7\.detached/);
  });

  it('is detected when a signed letter is altered afterwards', async () => {
    const store = aSelfSignedP12();
    const signed = await signPdf(await aPdf(), store, { name: 'Dewi Lestari', reason: 'Tanggapan pengaduan', location: 'Bandung', signedAt: new Date('2026-11-23T03:00:00Z') });
    const tampered = Buffer.from(signed.toString('latin1').replace('(PDFKit)', '(PDFKiT)'), 'latin1');
    assert.notDeepEqual(tampered, signed);
    assert.doesNotMatch(pdfsig(tampered), /Signature is Valid/);
  });
});

describe('describeSigningKeyStore', () => {
  it('names the subject, issuer and validity of a certificate that can sign', () => {
    const summary = describeSigningKeyStore(aSelfSignedP12({ commonName: 'Dewi Lestari' }));
    assert.match(summary.subject, /CN=Dewi Lestari/);
    assert.equal(summary.validUntil.toISOString(), '2036-01-01T00:00:00.000Z');
  });

  it('refuses a wrong passphrase, a file that is not PKCS#12, and one without a private key, naming the field', () => {
    const store = aSelfSignedP12();
    const pointerOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof DomainError ? error.fields[0] : error;
      }
      return undefined;
    };
    assert.deepEqual(pointerOf(() => describeSigningKeyStore({ ...store, passphrase: 'salah' })), { pointer: '/passphrase', code: 'wrong_passphrase' });
    assert.deepEqual(pointerOf(() => describeSigningKeyStore({ p12: Buffer.from('%PDF-1.4 bukan sertifikat'), passphrase: 'x' })), { pointer: '/certificate', code: 'not_pkcs12' });
    assert.deepEqual(pointerOf(() => describeSigningKeyStore(aSelfSignedP12({ withKey: false }))), { pointer: '/certificate', code: 'no_private_key' });
  });
});
