import { readFileSync } from 'node:fs';
import { createSecureContext, rootCertificates } from 'node:tls';
import { Agent, fetch as undiciFetch } from 'undici';
import { ProviderError, type ProviderErrorDetails } from '../provider-error';

export interface ClientCertificate {
  /** The .p12 (PKCS#12) file's bytes. */
  p12: Uint8Array;
  passphrase: string;
}

export interface TlsOptions {
  clientCertificate?: ClientCertificate | null;
  /** PEM certificates trusted in addition to (never instead of) the system list and NODE_EXTRA_CA_CERTS. */
  extraTrustedCa?: string[];
}

export interface TlsFetch {
  fetch: typeof globalThis.fetch;
  close(): Promise<void>;
}

/**
 * A fetch that presents the client certificate and/or trusts extra CAs. Undici's own fetch is paired with its own
 * Agent, so the two always come from one version whatever Node bundles. Returns null when nothing differs from the
 * defaults, so Node's global fetch (and its default trust, NODE_EXTRA_CA_CERTS included) is used untouched.
 */
export function createTlsFetch(provider: ProviderErrorDetails['provider'], options: TlsOptions): TlsFetch | null {
  const cert = options.clientCertificate ?? null;
  const extra = options.extraTrustedCa ?? [];
  if (!cert && extra.length === 0) return null;
  const connect = {
    minVersion: 'TLSv1.2' as const,
    // With a client certificate, TLS 1.2 (Blackhawk's documented minimum) is used on purpose: in 1.3 the server judges
    // the certificate only after the client has finished and sent its request, so a refused certificate looks like
    // a connection dropped after sending, which makes a submit "uncertain". In 1.2 the refusal ends the handshake
    // before any request is written, and is reported as what it is.
    ...(cert ? { pfx: Buffer.from(cert.p12), passphrase: cert.passphrase, maxVersion: 'TLSv1.2' as const } : {}),
    // Passing `ca` replaces Node's default list, so the defaults are passed along with the extra ones.
    ...(extra.length > 0 ? { ca: [...rootCertificates, ...environmentExtraCa(), ...extra] } : {}),
  };
  if (cert) checkCertificateOpens(provider, connect);
  const agent = new Agent({ connect });
  const fetch = ((input: Parameters<typeof undiciFetch>[0], init?: Parameters<typeof undiciFetch>[1]) =>
    undiciFetch(input, { ...init, dispatcher: agent })) as unknown as typeof globalThis.fetch;
  return { fetch, close: () => agent.close() };
}

/** NODE_EXTRA_CA_CERTS, which Node adds to its default list but not to `tls.rootCertificates`. */
function environmentExtraCa(): string[] {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return [];
  try {
    return [readFileSync(file, 'utf8')];
  } catch {
    return [];
  }
}

/** A wrong passphrase or a file that is not PKCS#12 is said at once, in words, instead of as a handshake failure. */
function checkCertificateOpens(provider: ProviderErrorDetails['provider'], connect: { pfx?: Buffer; passphrase?: string }) {
  try {
    createSecureContext({ pfx: connect.pfx, passphrase: connect.passphrase });
  } catch {
    throw new ProviderError({
      provider,
      endpoint: 'client certificate',
      httpStatus: null,
      providerCode: null,
      providerMessage: 'the client certificate could not be opened: wrong passphrase, or not a .p12 (PKCS#12) file',
      errorClass: 'fatal',
    });
  }
}
