import type { Queryable } from '../../db/database.js';
import type { Logger } from '../../log.js';
import { AlertRuleSchema, type AlertRule } from './schema.js';

export type RuleSource = 'api' | 'file';

export interface StoredRule {
  rule: AlertRule;
  source: RuleSource;
  createdAt: Date;
  updatedAt: Date;
}

interface RuleRow extends Record<string, unknown> {
  id: string;
  definition: unknown;
  source: RuleSource;
  created_at: Date;
  updated_at: Date;
}

/**
 * Rows are parsed again on the way out: a definition written by an older version, or edited by
 * hand in SQL, is skipped with a warning instead of breaking every ingest.
 */
function toStored(rows: RuleRow[], log?: Logger): StoredRule[] {
  const out: StoredRule[] = [];
  for (const row of rows) {
    const parsed = AlertRuleSchema.safeParse(row.definition);
    if (parsed.success) out.push({ rule: parsed.data, source: row.source, createdAt: row.created_at, updatedAt: row.updated_at });
    else log?.warn('alert rule skipped: invalid definition', { rule: row.id, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
  }
  return out;
}

const columns = 'id, definition, source, created_at, updated_at';

let changes = 0;

/**
 * How many times this process has saved or deleted a rule: a copy of the rules read before the
 * number last moved is out of date (cache.ts).
 */
export const ruleChanges = (): number => changes;

/** Tells this process's rule copies (cache.ts) that `alert_rules` changed: every write here calls it, and so must SQL run elsewhere (a test, a script). */
export function markRulesChanged(): void {
  changes += 1;
}

/** All rules, or a brand's, ordered by id. */
export async function listRules(db: Queryable, options: { brand?: string; log?: Logger } = {}): Promise<StoredRule[]> {
  const rows = options.brand
    ? await db.query<RuleRow>(`SELECT ${columns} FROM alert_rules WHERE brand_id = $1 ORDER BY id`, [options.brand])
    : await db.query<RuleRow>(`SELECT ${columns} FROM alert_rules ORDER BY id`);
  return toStored(rows, options.log);
}

export async function getRule(db: Queryable, id: string): Promise<StoredRule | undefined> {
  return toStored(await db.query<RuleRow>(`SELECT ${columns} FROM alert_rules WHERE id = $1`, [id]))[0];
}

/** Creates or replaces a rule; `created` tells which. */
export async function saveRule(db: Queryable, rule: AlertRule, source: RuleSource, now: Date): Promise<{ created: boolean }> {
  const rows = await db.query<{ created: boolean }>(
    `INSERT INTO alert_rules (id, brand_id, definition, source, created_at, updated_at)
     VALUES ($1, $2, $3::text::jsonb, $4, $5::timestamptz, $5::timestamptz)
     ON CONFLICT (id) DO UPDATE SET brand_id = EXCLUDED.brand_id, definition = EXCLUDED.definition,
       source = EXCLUDED.source, updated_at = EXCLUDED.updated_at
     RETURNING (xmax = 0) AS created`,
    [rule.id, rule.brand, JSON.stringify(rule), source, now.toISOString()],
  );
  markRulesChanged();
  return { created: rows[0]?.created === true };
}

/** Deletes a rule; its past alerts and deliveries stay in the log. */
export async function deleteRule(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query('DELETE FROM alert_rules WHERE id = $1 RETURNING id', [id]);
  markRulesChanged();
  return rows.length > 0;
}

/**
 * Makes the `file` rules exactly those given: upserts them and deletes file rules no longer
 * listed. Rules created through the API are left alone.
 */
export async function replaceFileRules(db: Queryable, rules: AlertRule[], now: Date): Promise<void> {
  for (const rule of rules) await saveRule(db, rule, 'file', now);
  const keep = JSON.stringify(rules.map((r) => r.id));
  await db.query(`DELETE FROM alert_rules WHERE source = 'file' AND NOT (id IN (SELECT jsonb_array_elements_text($1::text::jsonb)))`, [keep]);
  markRulesChanged();
}
