import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticFile {
  body: string | Uint8Array;
  type: string;
  headers?: Record<string, string>;
}

export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234`: another origin than the collector, as a retailer's site is. */
  url: string;
  close(): Promise<void>;
}

/** A tiny server for host pages built at test time: exact paths only, 404 for anything else. */
export async function serveFiles(files: Record<string, StaticFile>): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const file = req.method === 'GET' ? files[new URL(req.url ?? '/', 'http://localhost').pathname] : undefined;
    if (!file) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store', ...file.headers }).end(file.body);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A host page: an empty `#app` and one module script, nothing inline. */
export function hostPage(title: string, script: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,"><script type="module" src="${script}"></script></head><body><div id="app"></div></body></html>`;
}
