import { DirectoryResponseSchema, type DirectoryResponse, type DirectoryStaff, type DirectoryStore } from '../../../server/directory/types.js';
import { request } from './http.js';

/** The names (and store time zones) within the user's scope: `GET /v1/directory`. */
export function fetchDirectory(signal?: AbortSignal): Promise<DirectoryResponse> {
  return request('/v1/directory', DirectoryResponseSchema, signal ? { signal } : {});
}

/**
 * Lookups over a directory answer: names by id, each store's time zone, where a store or a
 * staff member belongs. Ids the directory does not hold (outside the scope, or when it could
 * not be loaded) have no name, and the caller shows the id.
 */
export class Directory {
  readonly brandName: string | undefined;
  readonly #regions: ReadonlyMap<string, string>;
  readonly #stores: ReadonlyMap<string, DirectoryStore>;
  readonly #staff: ReadonlyMap<string, DirectoryStaff>;

  constructor(response?: DirectoryResponse) {
    this.brandName = response?.brand.name;
    this.#regions = new Map((response?.regions ?? []).map((r) => [r.id, r.name]));
    this.#stores = new Map((response?.stores ?? []).map((s) => [s.id, s]));
    this.#staff = new Map((response?.staff ?? []).map((m) => [m.id, m]));
  }

  regionName(id: string): string | undefined {
    return this.#regions.get(id);
  }

  storeName(id: string): string | undefined {
    return this.#stores.get(id)?.name;
  }

  staffName(id: string): string | undefined {
    return this.#staff.get(id)?.name;
  }

  /** The region a store belongs to. */
  regionOfStore(storeId: string): string | undefined {
    return this.#stores.get(storeId)?.regionId;
  }

  /** The store a staff member works at. */
  storeOfStaff(staffId: string): string | undefined {
    return this.#staff.get(staffId)?.storeId;
  }

  /** The regions of the scope, by name. */
  regions(): Array<{ id: string; name: string }> {
    return [...this.#regions].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The stores of the scope (of one region, if given), by name. */
  stores(regionId?: string): DirectoryStore[] {
    return [...this.#stores.values()].filter((s) => regionId === undefined || s.regionId === regionId).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The staff of a store, by name. */
  staffOf(storeId: string): DirectoryStaff[] {
    return [...this.#staff.values()].filter((m) => m.storeId === storeId).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The time zones of the stores in the user's scope, each once. */
  timeZones(): string[] {
    return [...new Set([...this.#stores.values()].map((s) => s.timeZone))];
  }

  /** The store's IANA time zone; UTC for a store the directory does not know. */
  timeZoneOf(storeId: string | null | undefined): string {
    return (storeId ? this.#stores.get(storeId)?.timeZone : undefined) ?? 'UTC';
  }
}
