// The pulse page's idea form (docs/collector.md, "Ideas"): an improvement idea for the store,
// sent with the store's pulse key to POST /v1/ideas/pulse. Anonymous unless a name is given.
// Shown whether or not the pulse itself is open: ideas have no schedule. Nothing typed is lost:
// a failed send keeps the text for another try.
import { IDEA_TEXTS } from './idea-texts.js';

const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

/** Builds the form for the store of `key`, in `lang` (one of IDEA_TEXTS' keys). */
export function ideaForm(key, lang) {
  const t = IDEA_TEXTS[lang] ?? IDEA_TEXTS.en;
  const text = el('textarea', { id: 'idea-text', name: 'text', rows: 4, maxLength: 2000, required: true });
  const name = el('input', { id: 'idea-name', name: 'name', type: 'text', maxLength: 80, autocomplete: 'off' });
  const send = el('button', { type: 'submit', className: 'start' }, t.send());
  const status = el('p', { className: 'idea-status', role: 'status' });
  const form = el(
    'form',
    { className: 'idea-form', noValidate: true },
    el('label', { htmlFor: 'idea-text' }, t.label()),
    text,
    el('label', { htmlFor: 'idea-name' }, t.name()),
    name,
    send,
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const idea = text.value.trim();
    if (idea === '') {
      status.textContent = t.empty();
      text.setAttribute('aria-invalid', 'true');
      text.focus();
      return;
    }
    text.removeAttribute('aria-invalid');
    send.disabled = true;
    status.textContent = t.sending();
    try {
      const signature = name.value.trim();
      const response = await fetch('/v1/ideas/pulse', {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text: idea, ...(signature !== '' && { name: signature }) }),
      });
      if (response.status === 429) {
        // The store's ideas per hour (PULSE_IDEAS_PER_HOUR), or this address's rate: the text stays.
        status.textContent = t.busy(String(Math.max(1, Math.ceil(Number(response.headers.get('retry-after') ?? 60) / 60))));
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      text.value = '';
      name.value = '';
      status.textContent = t.sent();
    } catch {
      status.textContent = t.failed();
    } finally {
      send.disabled = false;
    }
  });
  const section = el('section', { className: 'privacy ideas' }, el('h2', { id: 'ideas-heading' }, t.heading()), el('p', {}, t.intro()), form);
  section.setAttribute('aria-labelledby', 'ideas-heading');
  return section;
}
