import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { TestPki } from './test-pki';

export interface MtlsServer {
  url: string;
  /** Subject CN of the client certificate presented on each answered request. */
  clients: string[];
  close(): Promise<void>;
}

/** A real https server on 127.0.0.1 that refuses any client without a certificate from the test CA. */
export async function startMtlsServer(pki: TestPki, answer: (path: string) => { status: number; body: unknown }): Promise<MtlsServer> {
  const clients: string[] = [];
  const server = createServer(
    { key: pki.serverKeyPem, cert: pki.serverCertPem, ca: pki.caPem, requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.2' },
    (req, res) => {
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      clients.push(String(peer.subject?.CN ?? ''));
      req.resume();
      req.on('end', () => {
        const a = answer(new URL(req.url ?? '/', 'https://127.0.0.1').pathname);
        res.writeHead(a.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(a.body));
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    clients,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
