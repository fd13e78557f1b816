import forge from 'node-forge';

/**
 * A self-signed letter-signing certificate as a PKCS#12 file, the way an administrator would
 * export one. 1024-bit keys keep the tests quick; nothing outside the tests trusts them.
 */
export function aSelfSignedP12(options: { commonName?: string; passphrase?: string; withKey?: boolean } = {}): { p12: Buffer; passphrase: string } {
  const passphrase = options.passphrase ?? 'rahasia-sertifikat';
  const keys = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date('2026-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2036-01-01T00:00:00Z');
  const name = [{ name: 'commonName', value: options.commonName ?? 'Dewi Lestari' }, { name: 'organizationName', value: 'Pemerintah Kota Contoh' }, { name: 'countryName', value: 'ID' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, nonRepudiation: true }]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(options.withKey === false ? null : keys.privateKey, [cert], passphrase, { algorithm: '3des' });
  return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), passphrase };
}
