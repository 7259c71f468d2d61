import { expect } from '@open-wc/testing';
import { scrubPii, scrubText } from '../../../sdk/privacy/index.js';
import { SubmissionSchema, uuidv7, type BeforeSend, type Submission } from '../../../sdk/index.js';

// [input, expected output with every option on]
const replaced: [string, string][] = [
  // e-mail
  ['Write to jo.doe+shop@mail.example.co.uk.', 'Write to [email].'],
  ['email: Zoë@exämple.de', 'email: [email]'],
  ['x: john0612345678@example.com', 'x: [email]'],
  ['JO@EXAMPLE.COM and ann_b@shop-x.io', '[email] and [email]'],
  // phone
  ['Call me on +44 20 7946 0958.', 'Call me on [phone].'],
  ['ring (555) 123-4567 today', 'ring [phone] today'],
  ['555.123.4567', '[phone]'],
  ['mobile 0612345678', 'mobile [phone]'],
  ['+44 (0)20 7946 0958', '[phone]'],
  ['+1-555-123-4567', '[phone]'],
  ['tel:+4915112345678', 'tel:[phone]'],
  ['06 12 34 56 78', '[phone]'],
  ['5551234567', '[phone]'],
  ['call 0612345678 or 0687654321', 'call [phone] or [phone]'],
  ['visited 2026-11-23, called 0612345678', 'visited 2026-11-23, called [phone]'],
  // A number right after a phone number may go with it: removing too much beats leaking.
  ['+44 20 7946 0958 2026', '[phone]'],
  // card (Luhn-valid test numbers)
  ['card 4111 1111 1111 1111 cvv 123', 'card [card] cvv 123'],
  ['4111111111111111 123', '[card] 123'],
  ['4111-1111-1111-1111', '[card]'],
  ['amex 378282246310005', 'amex [card]'],
  ['amex 3782 822463 10005 exp 12/27', 'amex [card] exp 12/27'],
  ['mc 5555555555554444!', 'mc [card]!'],
  ['all: jo@example.com, +44 20 7946 0958, 4111 1111 1111 1111', 'all: [email], [phone], [card]'],
];

// Left exactly as they are.
const untouched = [
  'I bought 2 items',
  'order 123',
  'see you in 2026',
  'paid 19.99 for 3',
  'total 1,299.99',
  'on 2026-11-23 10:15',
  'on 23.11.2026 at lane 4',
  'pi is 3.14159265',
  '1.000.000 visitors',
  'SKU 123-456',
  'rated it 10/10',
  'a@b is not an address',
  'meet @ the till',
  '12345678901234567890',
  'Quick checkout, friendly staff 😊',
];

describe('scrubText', () => {
  for (const [input, expected] of replaced) {
    it(`replaces ${JSON.stringify(input)}`, () => {
      expect(scrubText(input)).to.equal(expected);
    });
  }

  for (const input of untouched) {
    it(`leaves ${JSON.stringify(input)} alone`, () => {
      expect(scrubText(input)).to.equal(input);
    });
  }

  it('reads the usual card groups first, so trailing digits cannot hide a card; longer non-card numbers stay', () => {
    expect(scrubText('gift card 4111 1111 1111 1111 112')).to.equal('gift card [card] 112');
    expect(scrubText('ref 1234567890123456789')).to.equal('ref 1234567890123456789');
  });

  it('switches each kind off on its own', () => {
    const text = 'jo@example.com +44 20 7946 0958 4111111111111111';
    expect(scrubText(text, { email: false })).to.equal('jo@example.com [phone] [card]');
    expect(scrubText(text, { phone: false })).to.equal('[email] +44 20 7946 0958 [card]');
    expect(scrubText(text, { card: false })).to.equal('[email] [phone] 4111111111111111');
    expect(scrubText(text, { email: false, phone: false, card: false })).to.equal(text);
  });

  it('uses a custom replacement, given the kind and the match', () => {
    const seen: string[] = [];
    const out = scrubText('jo@example.com, 0612345678, 4111 1111 1111 1111', {
      replace: (kind, match) => {
        seen.push(`${kind}:${match}`);
        return kind === 'card' ? `****${match.slice(-4)}` : '***';
      },
    });
    expect(out).to.equal('***, ***, ****1111');
    expect(seen).to.deep.equal(['email:jo@example.com', 'card:4111 1111 1111 1111', 'phone:0612345678']);
  });

  it('stays fast on long adversarial input', () => {
    for (const text of ['1 '.repeat(2500), 'a@'.repeat(2500), `x@${'a.'.repeat(2499)}`, '9'.repeat(5000)]) {
      expect(scrubText(text)).to.be.a('string');
    }
  });
});

describe('scrubPii', () => {
  const submission: Submission = {
    id: uuidv7(),
    schemaVersion: 1,
    surveyId: 'post-visit',
    createdAt: '2026-11-23T10:15:00.000Z',
    context: { channel: 'web', store: '042', tags: { note: 'jo@example.com' } },
    answers: [
      { questionId: 'mood', type: 'smiley', value: 2 },
      { questionId: 'why', type: 'text', value: 'Mail me at jo@example.com or call 0612345678' },
      { questionId: 'where', type: 'choice', value: 'other', other: 'card 4111 1111 1111 1111 was charged twice' },
      { questionId: 'topic', type: 'choice', value: ['price', 'queue'] },
      { questionId: 'reply', type: 'consent', value: true, contact: 'jo@example.com' },
    ],
    consent: { contact: true },
  };

  it('scrubs text answers and the "other" text of choice answers', () => {
    const scrubbed = scrubPii(submission);
    expect(scrubbed.answers[1]).to.deep.equal({ questionId: 'why', type: 'text', value: 'Mail me at [email] or call [phone]' });
    expect(scrubbed.answers[2]).to.deep.equal({ questionId: 'where', type: 'choice', value: 'other', other: 'card [card] was charged twice' });
  });

  it('keeps the consent contact, ratings, choices and context as they were', () => {
    const scrubbed = scrubPii(submission);
    expect(scrubbed.answers[0]).to.deep.equal(submission.answers[0]);
    expect(scrubbed.answers[3]).to.deep.equal({ questionId: 'topic', type: 'choice', value: ['price', 'queue'] });
    expect(scrubbed.answers[4]).to.deep.equal({ questionId: 'reply', type: 'consent', value: true, contact: 'jo@example.com' });
    expect(scrubbed.context).to.deep.equal(submission.context);
    expect(scrubbed.id).to.equal(submission.id);
    expect(scrubbed.consent).to.deep.equal({ contact: true });
  });

  it('returns a new, still valid submission and leaves the input alone', () => {
    const snapshot = JSON.stringify(submission);
    const scrubbed = scrubPii(submission);
    expect(scrubbed).not.to.equal(submission);
    expect(JSON.stringify(submission)).to.equal(snapshot);
    expect(() => SubmissionSchema.parse(scrubbed)).not.to.throw();
  });

  it('passes options through', () => {
    const scrubbed = scrubPii(submission, { phone: false });
    expect(scrubbed.answers[1]).to.deep.equal({ questionId: 'why', type: 'text', value: 'Mail me at [email] or call 0612345678' });
  });

  it('works directly as a beforeSend hook', async () => {
    const beforeSend: BeforeSend = scrubPii;
    const result = await beforeSend(submission);
    expect(result?.answers[1]).to.have.property('value', 'Mail me at [email] or call [phone]');
  });
});
