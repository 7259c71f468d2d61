import type { Submission } from '../../sdk/index.js';

/** The wire-format example of DESIGN.md (v1), as every test that needs "a valid submission" uses it. */
export const designExample: Submission = {
  id: '0192f3a0-8c1e-7a2b-9f00-1234567890ab',
  schemaVersion: 1,
  surveyId: 'post-visit',
  createdAt: '2026-11-23T10:15:00.000Z',
  context: {
    channel: 'kiosk',
    brand: 'acme',
    region: 'emea-north',
    store: '042',
    staff: ['emp-17'],
    device: 'kiosk-3',
    locale: 'en-GB',
    page: { url: 'https://shop.example.com/checkout' },
    tags: { lane: 4, promo: 'bf', vip: true },
  },
  answers: [
    { questionId: 'mood', type: 'smiley', value: 4 },
    { questionId: 'why', type: 'text', value: 'Quick checkout' },
  ],
  consent: { contact: false },
};
