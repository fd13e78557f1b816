import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import type { SigningKeyStore } from './signing-key-store.js';

export interface PdfSignature {
  /** Who signs, as the signature panel of a PDF reader shows it. */
  name: string;
  reason: string;
  location: string;
  signedAt: Date;
}

/**
 * Signs a rendered PDF with a detached CMS signature over its byte ranges (a PDF signature
 * dictionary, adbe.pkcs7.detached: the PAdES basic profile of ETSI TS 102 778-2). The signer
 * library's CMS lacks the signing-certificate-v2 attribute that ETSI.CAdES.detached requires,
 * so claiming CAdES would make strict validators reject the signature.
 */
export async function signPdf(pdf: Buffer, store: SigningKeyStore, signature: PdfSignature): Promise<Buffer> {
  const prepared = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: signature.reason,
    contactInfo: '',
    name: signature.name,
    location: signature.location,
    signingTime: signature.signedAt,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    appName: 'Aduan',
  });
  const signer = new P12Signer(store.p12, { passphrase: store.passphrase });
  return new SignPdf().sign(prepared, signer, signature.signedAt);
}
