// A worker thread that sends bench/dashboard-queries.ts's requests and times them, so the client
// (undici parsing the response, decoding a CSV export of several megabytes) does not share the
// collector's event loop: a dashboard's browser is never in the collector's process.
// Messages in: { id, url, cookie, warmUp, runs }. Out: { id, times } (ms, in the order sent), or
// { id, status, body, timed } for an answer that was not 200 (`timed`: after the first one was).
import { parentPort } from 'node:worker_threads';

async function get(url, cookie) {
  const res = await fetch(url, { headers: { cookie } });
  const body = await res.text();
  return { status: res.status, body };
}

parentPort.on('message', async ({ id, url, cookie, warmUp, runs }) => {
  try {
    const first = await get(url, cookie);
    if (first.status !== 200) {
      parentPort.postMessage({ id, status: first.status, body: first.body.slice(0, 120), timed: false });
      return;
    }
    for (let w = 1; w < warmUp; w++) await get(url, cookie);
    const times = [];
    for (let run = 0; run < runs; run++) {
      const t = performance.now();
      const { status, body } = await get(url, cookie);
      times.push(performance.now() - t);
      if (status !== 200) {
        parentPort.postMessage({ id, status, body: body.slice(0, 120), timed: true });
        return;
      }
    }
    parentPort.postMessage({ id, times });
  } catch (error) {
    parentPort.postMessage({ id, status: 0, body: String(error), timed: true });
  }
});
