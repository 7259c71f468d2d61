import { uuidv7, type Context, type Submission } from '../../../sdk/index.js';
import type { AppContext } from '../../../demo/server/context.js';
import { importHierarchy } from '../../../demo/server/hierarchy/import.js';
import type { HierarchyFileInput } from '../../../demo/server/hierarchy/schema.js';

/** The admin token test collectors are started with (ADMIN_TOKEN). */
export const ADMIN_TOKEN = 'test-admin-token-0123456789';
/** A context token secret (CONTEXT_TOKEN_SECRETS) of the required length. */
export const TOKEN_SECRET = 'test-context-secret-0123456789abcdef';

/**
 * The test retailer: brand `acme` (key `pk_test`, revocable `pk_old`) with two regions, three
 * stores and a few staff; brand `other` (key `pk_other`) to prove keys stay within their brand.
 */
export const testHierarchy = {
  brands: [
    {
      id: 'acme',
      name: 'Acme',
      writeKeys: ['pk_test'],
      regions: [
        {
          id: 'emea-north',
          name: 'Nordics',
          stores: [
            { id: '042', name: 'Stockholm', timeZone: 'Europe/Stockholm', openingHours: { mon: [['09:00', '20:00']], sun: [] }, staff: [{ id: 'emp-17', name: 'Astrid' }, { id: 'emp-21', name: 'Omar' }] },
            { id: '017', name: 'Oslo', timeZone: 'Europe/Oslo', staff: [{ id: 'emp-31', name: 'Ingrid' }] },
          ],
        },
        { id: 'uk-south', name: 'UK South', stores: [{ id: '101', name: 'London', timeZone: 'Europe/London', staff: [] }] },
      ],
    },
    { id: 'other', name: 'Other Co', writeKeys: ['pk_other'], regions: [] },
  ],
} satisfies HierarchyFileInput;

export async function seedTestHierarchy(ctx: AppContext): Promise<void> {
  await importHierarchy(ctx, testHierarchy);
}

/** A valid submission (store-exit at Stockholm) with a fresh id; `context` fields are merged. */
export function makeSubmission(overrides: Omit<Partial<Submission>, 'context'> & { context?: Partial<Context> } = {}): Submission {
  const { context, ...rest } = overrides;
  return {
    id: uuidv7(),
    schemaVersion: 1,
    surveyId: 'store-exit',
    createdAt: new Date().toISOString(),
    answers: [
      { questionId: 'mood', type: 'smiley', value: 4 },
      { questionId: 'comment', type: 'text', value: 'Quick checkout' },
    ],
    ...rest,
    context: { channel: 'kiosk', brand: 'acme', region: 'emea-north', store: '042', staff: ['emp-17'], device: 'kiosk-1', ...context },
  };
}

export interface PostOptions {
  /** Sent as `Authorization: Bearer`; `null` sends none. @default 'pk_test' */
  key?: string | null;
  /** Query string, e.g. `?key=pk_test` for beacons. */
  query?: string;
  /** @default 'application/json' */
  contentType?: string | null;
  headers?: Record<string, string>;
}

/** POSTs a body to /v1/submissions the way the SDK's http() transport does. */
export function postSubmissions(baseUrl: string, body: unknown, options: PostOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
  if (contentType !== null) headers.set('content-type', contentType);
  const key = options.key === undefined ? 'pk_test' : options.key;
  if (key !== null) headers.set('authorization', `Bearer ${key}`);
  return fetch(`${baseUrl}/v1/submissions${options.query ?? ''}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** The stored row of a submission id, or undefined. */
export async function storedRow(ctx: AppContext, id: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await ctx.db.query('SELECT * FROM submissions WHERE id = $1', [id]);
  return row;
}
