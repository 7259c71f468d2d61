// Uses only the public script-tag API (`window.StoreVoice`). Kept out of the HTML so the page
// runs under a strict Content-Security-Policy without 'unsafe-inline'.
const { createClient } = window.StoreVoice;

const client = createClient({
  endpoint: new URL('/v1', location.href).href,
  key: 'pk_demo',
  context: { brand: 'acme', region: 'emea-north', store: '042', channel: 'web' },
});

const status = document.getElementById('status');
const pending = document.getElementById('pending');
const received = document.getElementById('received');

const messages = {
  sent: 'Thanks! Your feedback was delivered.',
  queued: 'Thanks! Saved on this device; it will be sent when the connection is back.',
  failed: 'Sorry, the feedback service refused this: ',
  dropped: 'Not sent (filtered by this site).',
};

async function refresh() {
  pending.textContent = `Pending in the outbox: ${(await client.pending()).length}`;
}

/** One line per SDK event: what a developer would watch while trying offline and faults. */
function log(type, detail) {
  const li = document.createElement('li');
  // textContent, never innerHTML: reasons and ids come from the network.
  li.textContent = `${new Date().toLocaleTimeString()} · ${type}${detail ? ` · ${detail}` : ''}`;
  received.prepend(li);
}

document.getElementById('feedback').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const answers = [{ questionId: 'mood', type: 'smiley', value: Number(form.get('mood')) }];
  const why = String(form.get('why') ?? '').trim();
  if (why) answers.push({ questionId: 'why', type: 'text', value: why });
  status.textContent = 'Sending…';
  try {
    const result = await client.submit({ surveyId: 'post-visit', answers });
    status.textContent = messages[result.status] + (result.status === 'failed' ? result.message ?? '' : '');
    if (result.status !== 'failed') event.target.reset();
  } catch (error) {
    status.textContent = `Could not send: ${error.message}`;
  }
  void refresh();
});

client.on('queued', (e) => log('queued', e.id));
client.on('sent', (e) => log('sent', `${e.destination}: ${e.id}`));
client.on('retry', (e) => log('retry', `${e.destination}, attempt ${e.attempt}, next in ${Math.round(e.delayMs / 1000)} s (${e.reason})`));
client.on('dropped', (e) => log('dropped', `${e.reason}${e.message ? `: ${e.message}` : ''}`));
for (const type of ['queued', 'sent', 'retry', 'dropped']) client.on(type, () => void refresh());
void refresh();
