import forge from 'node-forge';
import { DomainError } from '../../domain/domain-error.js';

/** The administrator's letter-signing certificate, opened: the PKCS#12 file with its passphrase. */
export interface SigningKeyStore {
  p12: Buffer;
  passphrase: string;
}

/** What may be shown of a signing certificate: names and validity, never the key. */
export interface SigningCertificateSummary {
  subject: string;
  issuer: string;
  serialNumber: string;
  validFrom: Date;
  validUntil: Date;
}

const invalid = (pointer: string, code: string): DomainError => new DomainError('request.invalid', {}, [{ pointer, code }]);

/**
 * Opens a PKCS#12 file the way the signer will, so that a file that cannot sign is refused
 * when it is uploaded rather than when the first letter is sent. Needs a private key and the
 * certificate that belongs to it.
 */
export function describeSigningKeyStore(store: SigningKeyStore): SigningCertificateSummary {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(store.p12.toString('binary')));
    try {
      p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, store.passphrase);
    } catch {
      throw invalid('/passphrase', 'wrong_passphrase');
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw invalid('/certificate', 'not_pkcs12');
  }
  const keyBags = [...bags(p12, bagTypes.shroudedKey), ...bags(p12, bagTypes.key)];
  const key = keyBags.find((bag) => bag.key !== undefined)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (key === undefined || !('n' in key)) throw invalid('/certificate', 'no_private_key');
  const certificates = bags(p12, bagTypes.certificate).flatMap((bag) => (bag.cert ? [bag.cert] : []));
  const certificate = certificates.find((cert) => {
    const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
    return publicKey.n?.compareTo(key.n) === 0 && publicKey.e?.compareTo(key.e) === 0;
  });
  if (certificate === undefined) throw invalid('/certificate', 'no_matching_certificate');
  return {
    subject: distinguishedName(certificate.subject.attributes),
    issuer: distinguishedName(certificate.issuer.attributes),
    serialNumber: certificate.serialNumber,
    validFrom: certificate.validity.notBefore,
    validUntil: certificate.validity.notAfter,
  };
}

// PKCS#12 bag types (RFC 7292 §4.2).
const bagTypes = { key: '1.2.840.113549.1.12.10.1.1', shroudedKey: '1.2.840.113549.1.12.10.1.2', certificate: '1.2.840.113549.1.12.10.1.3' };

function bags(p12: forge.pkcs12.Pkcs12Pfx, bagType: string): forge.pkcs12.Bag[] {
  return p12.getBags({ bagType })[bagType] ?? [];
}

function distinguishedName(attributes: forge.pki.CertificateField[]): string {
  return attributes.map((attribute) => `${attribute.shortName ?? attribute.name ?? attribute.type}=${String(attribute.value)}`).join(', ');
}

/** Sealed with the server key for storage; the passphrase travels inside the seal. */
export function keyStoreToJson(store: SigningKeyStore): string {
  return JSON.stringify({ p12: store.p12.toString('base64'), passphrase: store.passphrase });
}

export function keyStoreFromJson(json: string): SigningKeyStore {
  const value = JSON.parse(json) as { p12: string; passphrase: string };
  return { p12: Buffer.from(value.p12, 'base64'), passphrase: value.passphrase };
}
