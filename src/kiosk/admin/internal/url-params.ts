import * as z from 'zod/mini';
import { describeIssue } from '../../../../sdk/schema/parse.js';
import { IdSchema, LocaleSchema } from '../../../../sdk/schema/primitives.js';
import { StaffMemberSchema } from '../../../../sdk/schema/survey.js';
import { isValidPin } from '../pin.js';
import { EndpointSchema, MAX_ROSTER, WriteKeySchema, type KioskSettings } from '../settings.js';

/** Every URL parameter a provisioning link may carry; all of them are removed from the address bar. */
export const PROVISIONING_PARAMS = ['brand', 'region', 'store', 'device', 'survey', 'endpoint', 'key', 'pin', 'staff', 'onshift', 'lang', 'contrast', 'textsize'] as const;
export type ProvisioningParam = (typeof PROVISIONING_PARAMS)[number];

/** One bad parameter: `{ param: 'textsize', message: 'must be a number from 1 to 2' }`. */
export interface ProvisioningIssue {
  readonly param: ProvisioningParam;
  readonly message: string;
}

/** Settings fields the URL sets; `undefined` means "clear it" (an empty `?region=`). */
export type SettingsChanges = { -readonly [K in keyof Omit<KioskSettings, 'pin'>]?: KioskSettings[K] | undefined };

export interface ParsedParams {
  readonly changes: SettingsChanges;
  /** The PIN's digits, still to be hashed. */
  readonly pin: string | undefined;
  readonly issues: readonly ProvisioningIssue[];
}

/** The settings field each parameter fills, to name the parameter in a whole-settings error. */
export const FIELD_PARAMS: Readonly<Record<string, ProvisioningParam>> = {
  brand: 'brand',
  region: 'region',
  store: 'store',
  device: 'device',
  survey: 'survey',
  endpoint: 'endpoint',
  key: 'key',
  pin: 'pin',
  staffRoster: 'staff',
  onShift: 'onshift',
  languages: 'lang',
  highContrast: 'contrast',
  textScale: 'textsize',
};

const SINGLE = { brand: IdSchema, region: IdSchema, store: IdSchema, device: IdSchema, survey: IdSchema, endpoint: EndpointSchema, key: WriteKeySchema } as const;

/** The first problem zod finds with `value`, in our English wording, or `undefined` when it is fine. */
function problem(schema: z.ZodMiniType, value: unknown): string | undefined {
  const result = z.safeParse(schema, value);
  return result.success ? undefined : result.error.issues.map((issue) => describeIssue(issue, value)).join(', ');
}

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * Reads the provisioning parameters of a URL into settings changes, collecting every problem
 * (not just the first) so one corrected link fixes them all. Parameters it does not know are
 * left alone: they belong to the page.
 */
export function parseProvisioningParams(params: URLSearchParams): ParsedParams {
  const changes: SettingsChanges = {};
  const issues: ProvisioningIssue[] = [];
  let pin: string | undefined;
  const fail = (param: ProvisioningParam, message: string) => issues.push({ param, message });

  for (const param of PROVISIONING_PARAMS) {
    const values = params.getAll(param);
    if (values.length === 0) continue;
    if (values.length > 1) {
      fail(param, 'is given more than once');
      continue;
    }
    const value = (values[0] ?? '').trim();
    switch (param) {
      case 'pin':
        if (isValidPin(value)) pin = value;
        else fail(param, 'must be 4 to 12 digits');
        break;
      case 'staff': {
        const roster: { id: string; name: string }[] = [];
        list(value).forEach((entry, index) => {
          const colon = entry.indexOf(':');
          const member = { id: entry.slice(0, Math.max(colon, 0)).trim(), name: entry.slice(colon + 1).trim() };
          const reason = colon < 1 ? 'must be written id:Name' : problem(StaffMemberSchema, member);
          if (reason) fail(param, `entry ${index + 1} ("${entry}") ${reason}`);
          else roster.push(member);
        });
        if (roster.length > MAX_ROSTER) fail(param, `must list at most ${MAX_ROSTER} people`);
        changes.staffRoster = roster;
        break;
      }
      case 'onshift':
        changes.onShift = list(value);
        changes.onShift.forEach((id) => {
          const reason = problem(IdSchema, id);
          if (reason) fail(param, `"${id}" ${reason}`);
        });
        break;
      case 'lang':
        changes.languages = list(value);
        changes.languages.forEach((tag) => {
          const reason = problem(LocaleSchema, tag);
          if (reason) fail(param, `"${tag}" ${reason}`);
        });
        break;
      case 'contrast':
        if (value === 'high' || value === 'normal') changes.highContrast = value === 'high';
        else fail(param, 'must be "high" or "normal"');
        break;
      case 'textsize': {
        const scale = value === '' ? NaN : Number(value);
        if (Number.isFinite(scale) && scale >= 1 && scale <= 2) changes.textScale = scale;
        else fail(param, 'must be a number from 1 to 2, such as 1.25');
        break;
      }
      default: {
        // An empty value clears the field (`?region=`): a kiosk moved to a store without regions.
        const reason = value === '' ? undefined : problem(SINGLE[param], value);
        if (reason) fail(param, reason);
        else changes[param] = value === '' ? undefined : value;
      }
    }
  }
  return { changes, pin, issues };
}
