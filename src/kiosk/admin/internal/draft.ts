import * as z from 'zod/mini';
import { toValidationIssues } from '../../../../sdk/schema/parse.js';
import { StaffMemberSchema, type StaffMember } from '../../../../sdk/schema/survey.js';
import { adminMessages as m } from '../admin-messages.js';
import { KioskSettingsSchema, MAX_ROSTER, type KioskSettings, type PinHash } from '../settings.js';

/** The settings form as typed: text fields are strings (empty = not set) until Save checks them. */
export interface SettingsDraft {
  brand: string;
  region: string;
  store: string;
  device: string;
  survey: string;
  endpoint: string;
  key: string;
  staffRoster: StaffMember[];
  onShift: string[];
  languages: string[];
  highContrast: boolean;
  textScale: number;
  /** The "Add a person" row. */
  newId: string;
  newName: string;
  newPhoto: string;
}

/** A form field that can carry an error; also the suffix of its element ids. */
export type FieldName = keyof SettingsDraft;
export type FieldErrors = ReadonlyMap<FieldName, string>;

const TEXT_FIELDS = ['brand', 'region', 'store', 'device', 'survey', 'endpoint', 'key'] as const;

export function draftFrom(settings: KioskSettings): SettingsDraft {
  return {
    brand: settings.brand ?? '',
    region: settings.region ?? '',
    store: settings.store ?? '',
    device: settings.device ?? '',
    survey: settings.survey ?? '',
    endpoint: settings.endpoint ?? '',
    key: settings.key ?? '',
    staffRoster: settings.staffRoster.map((member) => ({ ...member })),
    onShift: [...settings.onShift],
    languages: [...settings.languages],
    highContrast: settings.highContrast,
    textScale: settings.textScale,
    newId: '',
    newName: '',
    newPhoto: '',
  };
}

/**
 * Checks the draft as a whole. The PIN is not part of the form: it is passed in as stored now
 * (it may have been changed on this visit).
 */
export function settingsFromDraft(draft: SettingsDraft, pin: PinHash | undefined): { settings: KioskSettings } | { errors: FieldErrors } {
  const candidate: Record<string, unknown> = {
    staffRoster: draft.staffRoster,
    onShift: draft.onShift,
    languages: draft.languages,
    highContrast: draft.highContrast,
    textScale: draft.textScale,
    ...(pin && { pin }),
  };
  for (const name of TEXT_FIELDS) if (draft[name].trim()) candidate[name] = draft[name].trim();
  const result = z.safeParse(KioskSettingsSchema, candidate);
  if (result.success) return { settings: result.data };
  const errors = new Map<FieldName, string>();
  for (const issue of toValidationIssues(result.error.issues, candidate)) {
    const field = (issue.path.split(/[.[]/)[0] ?? '') as FieldName;
    // Roster rows came through "Add", so this is rare (a stored roster made elsewhere); say which row.
    const row = /^staffRoster\[(\d+)\]/.exec(issue.path);
    const message = row ? `row ${Number(row[1]) + 1}: ${issue.message}` : issue.message;
    if (!errors.has(field)) errors.set(field, message);
  }
  return { errors };
}

/** Adds the "Add a person" row to the roster, or says what is wrong with it. */
export function addMember(draft: SettingsDraft): { draft: SettingsDraft; added: StaffMember } | { errors: FieldErrors } {
  const member: StaffMember = { id: draft.newId.trim(), name: draft.newName.trim(), ...(draft.newPhoto.trim() && { photo: draft.newPhoto.trim() }) };
  const errors = new Map<FieldName, string>();
  const result = z.safeParse(StaffMemberSchema, member);
  if (!result.success) {
    const fields: Record<string, FieldName> = { id: 'newId', name: 'newName', photo: 'newPhoto' };
    for (const issue of toValidationIssues(result.error.issues, member)) {
      const field = fields[issue.path] ?? 'newId';
      if (!errors.has(field)) errors.set(field, issue.message);
    }
  }
  if (!errors.has('newId') && draft.staffRoster.some((other) => other.id === member.id)) errors.set('newId', m.duplicateId(member.id));
  if (draft.staffRoster.length >= MAX_ROSTER) errors.set('newId', m.rosterFull);
  if (errors.size > 0) return { errors };
  return { draft: { ...draft, staffRoster: [...draft.staffRoster, member], newId: '', newName: '', newPhoto: '' }, added: member };
}

/** The draft without one roster member, who is no longer on shift either. */
export function removeMember(draft: SettingsDraft, id: string): SettingsDraft {
  return { ...draft, staffRoster: draft.staffRoster.filter((m) => m.id !== id), onShift: draft.onShift.filter((other) => other !== id) };
}

/** `list` with `item` present or absent, in the order of `order` (so the stored order is stable). */
export function toggle(list: readonly string[], item: string, on: boolean, order: readonly string[] = []): string[] {
  const next = on ? [...new Set([...list, item])] : list.filter((other) => other !== item);
  const rank = (value: string) => (order.includes(value) ? order.indexOf(value) : order.length);
  return next.sort((a, b) => rank(a) - rank(b));
}
