// A worker thread holding a share of the event-stream clients of bench/events.mjs, so parsing
// thousands of streams does not compete with the load generator's event loop. Each client is a
// plain HTTP GET of /v1/events that behaves as a browser's EventSource: it reads `event:`/`id:`
// blocks, and when its stream ends (the collector cuts off a client that falls behind) it
// reconnects with Last-Event-ID and drops the ids it already had. It notes when each submission
// id arrived (wall clock: performance.timeOrigin + performance.now(), comparable across threads).
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { port, clients } = workerData; // clients: [{ cookie, scope }]
const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
const arrivals = new Map(); // submissionId → array of arrival times
const now = () => performance.timeOrigin + performance.now();
const MARK = '"submissionId":"';
const REMEMBERED = 2_000;
let connected = 0;
let failed = 0;
let reconnects = 0;
let closing = false;
const requests = new Set();

function open(client) {
  return new Promise((resolve) => {
    const headers = { cookie: client.cookie, accept: 'text/event-stream' };
    if (client.lastEventId) headers['last-event-id'] = client.lastEventId;
    const req = request({ host: '127.0.0.1', port, path: '/v1/events', agent, headers }, (res) => {
      if (res.statusCode !== 200) {
        failed++;
        res.resume();
        resolve();
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      let ready = false;
      res.on('data', (chunk) => {
        const at = now();
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!ready && block.includes(': connected')) {
            ready = true;
            if (!client.lastEventId) connected++;
            resolve();
          }
          const idAt = block.indexOf('\nid: ');
          if (idAt < 0) continue;
          const id = block.slice(idAt + 5, block.indexOf('\n', idAt + 5) >>> 0 || undefined);
          client.lastEventId = id;
          // A resumed stream replays a few seconds back: count each event once, as a dashboard does.
          if (client.seen.has(id)) continue;
          client.seen.add(id);
          if (client.seen.size > REMEMBERED) client.seen.delete(client.seen.values().next().value);
          if (!block.startsWith('event: submission')) continue;
          const i = block.indexOf(MARK);
          if (i < 0) continue;
          const submissionId = block.slice(i + MARK.length, i + MARK.length + 36);
          let list = arrivals.get(submissionId);
          if (!list) arrivals.set(submissionId, (list = []));
          list.push(at);
        }
      });
      const again = () => {
        requests.delete(req);
        if (closing) return;
        reconnects++;
        setTimeout(() => void open(client), 100);
      };
      res.on('end', again);
      res.on('error', () => undefined);
    });
    req.on('error', () => {
      failed++;
      resolve();
    });
    req.end();
    requests.add(req);
  });
}

parentPort.on('message', async (message) => {
  if (message === 'connect') {
    const all = clients.map((c) => ({ ...c, seen: new Set(), lastEventId: undefined }));
    for (let i = 0; i < all.length; i += 50) await Promise.all(all.slice(i, i + 50).map(open));
    parentPort.postMessage({ type: 'connected', connected, failed });
  } else if (message === 'report') {
    parentPort.postMessage({ type: 'report', arrivals: [...arrivals], reconnects });
    arrivals.clear();
  } else if (message === 'close') {
    closing = true;
    for (const req of requests) req.destroy();
    parentPort.postMessage({ type: 'closed' });
  }
});
