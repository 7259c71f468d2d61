// A small round-robin HTTP reverse proxy, the stand-in for a load balancer in front of several
// collector instances (bench/ingest.mjs --instances). Run as its own process, so it neither shares
// an event loop with the load generator nor with a collector:
//   node bench/support/proxy.mjs <port> <upstream-port> [<upstream-port>…]
// It keeps connections to the upstreams alive, streams bodies both ways and sets X-Forwarded-For,
// as a real one would. Prints `proxy listening` once ready.
import { Agent, createServer, request } from 'node:http';

const [port, ...upstreams] = process.argv.slice(2).map(Number);
if (!port || upstreams.length === 0 || upstreams.some((p) => !p)) {
  console.error('usage: node bench/support/proxy.mjs <port> <upstream-port>…');
  process.exit(2);
}
const agent = new Agent({ keepAlive: true, maxSockets: 128 });
let next = 0;

const server = createServer((req, res) => {
  const upstream = upstreams[next++ % upstreams.length];
  const headers = { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '', 'x-forwarded-proto': 'http' };
  const forward = request({ host: '127.0.0.1', port: upstream, method: req.method, path: req.url, headers, agent }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  forward.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('bad gateway');
  });
  req.pipe(forward);
});
server.keepAliveTimeout = 30_000;
server.listen(port, '127.0.0.1', () => console.log('proxy listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
