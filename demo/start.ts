import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMinimalCollector } from './server/minimal-collector.js';

/**
 * `npm start`: serves a page that uses the SDK from the script-tag bundle, against a minimal
 * in-memory collector on the same origin. The full collector and dashboard arrive with issue 6.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const collector = createMinimalCollector('pk_demo');

const files: Record<string, string> = {
  '/': 'demo/pages/sdk-demo.html',
  '/sdk-demo.js': 'demo/pages/sdk-demo.js',
  '/sdk-demo.css': 'demo/pages/sdk-demo.css',
  '/storevoice.iife.js': 'dist/storevoice.iife.js',
  '/storevoice.iife.js.map': 'dist/storevoice.iife.js.map',
};
const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };
// The same strict policy retailers are told to use: no inline script or style, no eval.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  try {
    if (await collector.handle(req, res, url)) return;
    const file = files[url.pathname];
    if (!file || req.method !== 'GET') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const body = await readFile(join(root, normalize(file)));
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-security-policy': csp }).end(body);
  } catch (error) {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('Internal error');
  }
});

server.listen(port, host, () => {
  console.log(`StoreVoice demo running:`);
  console.log(`  SDK demo page   http://${host}:${port}/`);
  console.log(`  collector API   http://${host}:${port}/v1/submissions  (write key: pk_demo)`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
