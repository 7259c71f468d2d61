import { HierarchyError, WEEKDAYS, type HierarchyFileInput, type Weekday } from './schema.js';

const REQUIRED = ['brand', 'region', 'region_name', 'store', 'store_name', 'time_zone', 'staff_id', 'staff_name'] as const;
const OPTIONAL = ['brand_name', 'opening_hours', 'staff_photo_url', 'write_keys', 'device_id', 'device_name'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

/** RFC 4180 records: quoted fields may hold commas, quotes (`""`) and line breaks. */
function parseRecords(text: string): Array<{ line: number; fields: string[] }> {
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') fields.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      recordLine = ++line;
    } else field += ch;
  }
  if (quoted) throw new HierarchyError(`CSV line ${recordLine}: unterminated quoted field`);
  fields.push(field);
  if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
  return records;
}

/**
 * `mon-fri 09:00-20:00; sat 10:00-16:00; sun closed` → `{ mon: [["09:00","20:00"]], … }`.
 * Several intervals per day are separated by spaces (`mon-fri 09:00-12:00 13:00-18:00`); days not
 * mentioned are closed.
 */
export function parseOpeningHours(text: string): Partial<Record<Weekday, string[][]>> {
  const hours: Partial<Record<Weekday, string[][]>> = Object.fromEntries(WEEKDAYS.map((d) => [d, []]));
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [dayText = '', ...rest] = part.split(/\s+/);
    const range = /^(mon|tue|wed|thu|fri|sat|sun)(?:-(mon|tue|wed|thu|fri|sat|sun))?$/i.exec(dayText);
    if (!range) throw new Error(`"${dayText}" is not a day or day range such as mon or mon-fri`);
    const from = WEEKDAYS.indexOf(range[1]!.toLowerCase() as Weekday);
    const to = WEEKDAYS.indexOf((range[2] ?? range[1]!).toLowerCase() as Weekday);
    if (to < from) throw new Error(`day range "${dayText}" must run forwards (mon-sun)`);
    const closed = rest.length === 1 && rest[0]!.toLowerCase() === 'closed';
    const intervals = closed
      ? []
      : rest.map((interval) => {
          const match = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(interval);
          if (!match) throw new Error(`"${interval}" is not an interval such as 09:00-20:00`);
          return [match[1]!, match[2]!];
        });
    if (!closed && intervals.length === 0) throw new Error(`"${part}" needs intervals such as 09:00-20:00, or "closed"`);
    for (let d = from; d <= to; d++) hours[WEEKDAYS[d]!] = intervals;
  }
  return hours;
}

type BrandIn = HierarchyFileInput['brands'][number];
type RegionIn = NonNullable<BrandIn['regions']>[number];
type StoreIn = NonNullable<RegionIn['stores']>[number];

/**
 * Parses the CSV form of the hierarchy file: one row per staff member or device (or per store
 * without either, with those columns empty; a row may name one of each), header row required,
 * columns in any order: `brand,region,region_name,store,store_name,time_zone,staff_id,staff_name`
 * and optionally `brand_name`, `opening_hours`, `staff_photo_url`, `write_keys`
 * (space-separated), `device_id`, `device_name`.
 * A store's columns must agree on every row that names it. The result is validated by
 * `importHierarchy` like a JSON file.
 * @throws HierarchyError naming the line of each problem
 */
export function parseHierarchyCsv(text: string): HierarchyFileInput {
  const [header, ...rows] = parseRecords(text);
  if (!header) throw new HierarchyError('CSV is empty: expected a header row');
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length > 0) throw new HierarchyError(`CSV header lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  const unknown = names.filter((n) => !(REQUIRED as readonly string[]).includes(n) && !(OPTIONAL as readonly string[]).includes(n));
  if (unknown.length > 0) throw new HierarchyError(`CSV header has unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`);

  const brands = new Map<string, BrandIn & { regions: RegionIn[]; writeKeys: string[] }>();
  const regions = new Map<string, RegionIn & { stores: StoreIn[] }>();
  const stores = new Map<string, { store: StoreIn & { staff: NonNullable<StoreIn['staff']> }; region: string; line: number }>();
  const problems: string[] = [];

  for (const { line, fields } of rows) {
    const get = (column: Column): string => fields[names.indexOf(column)]?.trim() ?? '';
    if (fields.length !== names.length) {
      problems.push(`line ${line}: ${fields.length} fields, the header has ${names.length}`);
      continue;
    }
    try {
      const brandId = get('brand');
      let brand = brands.get(brandId);
      if (!brand) brands.set(brandId, (brand = { id: brandId, name: get('brand_name') || brandId, regions: [], writeKeys: [] }));
      for (const key of get('write_keys').split(/\s+/).filter(Boolean)) if (!brand.writeKeys.includes(key)) brand.writeKeys.push(key);

      const regionKey = `${brandId}\u0000${get('region')}`;
      let region = regions.get(regionKey);
      if (!region) {
        regions.set(regionKey, (region = { id: get('region'), name: get('region_name'), stores: [] }));
        brand.regions.push(region);
      } else if (region.name !== get('region_name')) throw new Error(`region "${region.id}" is named "${region.name}" on an earlier line`);

      const storeKey = `${brandId}\u0000${get('store')}`;
      const hoursText = get('opening_hours');
      const candidate = {
        id: get('store'),
        name: get('store_name'),
        timeZone: get('time_zone') || 'UTC',
        ...(hoursText && { openingHours: parseOpeningHours(hoursText) }),
        staff: [],
      };
      const known = stores.get(storeKey);
      if (!known) {
        stores.set(storeKey, { store: candidate, region: region.id, line });
        region.stores.push(candidate);
      } else {
        const same = known.region === region.id && known.store.name === candidate.name && known.store.timeZone === candidate.timeZone && JSON.stringify(known.store.openingHours) === JSON.stringify(candidate.openingHours);
        if (!same) throw new Error(`store "${candidate.id}" differs from line ${known.line} (region, name, time zone and opening hours must repeat exactly)`);
      }
      const staffId = get('staff_id');
      if (staffId) {
        const photoUrl = get('staff_photo_url');
        (known ?? stores.get(storeKey)!).store.staff.push({ id: staffId, name: get('staff_name'), ...(photoUrl && { photoUrl }) });
      } else if (get('staff_name')) throw new Error('staff_name without staff_id');
      const deviceId = get('device_id');
      if (deviceId) {
        const deviceName = get('device_name');
        ((known ?? stores.get(storeKey)!).store.devices ??= []).push({ id: deviceId, ...(deviceName && { name: deviceName }) });
      } else if (get('device_name')) throw new Error('device_name without device_id');
    } catch (error) {
      problems.push(`line ${line}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (problems.length > 0) throw new HierarchyError(`Invalid hierarchy CSV: ${problems.join('; ')}`, problems.map((message) => ({ path: '', message })));
  return { brands: [...brands.values()] };
}
