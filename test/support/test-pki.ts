import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPki {
  caPem: string;
  serverKeyPem: string;
  serverCertPem: string;
  clientP12: Uint8Array;
  passphrase: string;
  /** A client certificate from a CA the server does not trust. */
  strangerP12: Uint8Array;
  dir: string;
  cleanup(): void;
}

/**
 * A throwaway CA, a server certificate for 127.0.0.1 and client .p12 files, made with the openssl CLI. EC keys keep it
 * fast. The .p12 passphrase reaches openssl through its environment, never its arguments.
 */
export function makeTestPki(passphrase: string): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'giftdesk-pki-'));
  const at = (name: string) => join(dir, name);
  const openssl = (...args: string[]) =>
    execFileSync('openssl', args, { cwd: dir, env: { ...process.env, P12_PASS: passphrase }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

  const ca = (name: string) =>
    openssl('req', '-x509', ...ec, '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '2', '-subj', `/CN=${name}`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  const leaf = (name: string, issuer: string, ext: string) => {
    writeFileSync(at(`${name}.ext`), ext);
    openssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-CAcreateserial',
      '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`);
  };
  const p12 = (name: string) =>
    openssl('pkcs12', '-export', '-inkey', `${name}.key`, '-in', `${name}.pem`, '-out', `${name}.p12`, '-passout', 'env:P12_PASS');

  ca('test-ca');
  ca('stranger-ca');
  leaf('server', 'test-ca', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  leaf('client', 'test-ca', 'extendedKeyUsage=clientAuth\n');
  leaf('stranger', 'stranger-ca', 'extendedKeyUsage=clientAuth\n');
  p12('client');
  p12('stranger');

  return {
    caPem: readFileSync(at('test-ca.pem'), 'utf8'),
    serverKeyPem: readFileSync(at('server.key'), 'utf8'),
    serverCertPem: readFileSync(at('server.pem'), 'utf8'),
    clientP12: new Uint8Array(readFileSync(at('client.p12'))),
    strangerP12: new Uint8Array(readFileSync(at('stranger.p12'))),
    passphrase,
    dir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
