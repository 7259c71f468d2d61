/**
 * SQL generated from the rollup definition (definition.ts): the tables, the trigger that keeps
 * them exact, and the statements that rebuild them from `submissions`. The migration and
 * `rebuildRollups()` both use these functions, so they cannot drift apart.
 */
import { ROLLUPS, type RollupTable } from './definition.js';

const numbered = (n: number) => Array.from({ length: n }, (_, i) => i + 1).join(', ');

/** `SELECT keys, measures FROM <source> s <fan-out> GROUP BY keys`, measures multiplied by `sign`. */
function aggregate(table: RollupTable, source: string, sign: 1 | -1): string {
  const keys = table.keys.map((k) => k.expr);
  const measures = table.measures.map((m) => (sign === 1 ? m.expr : `${m.expr} * -1`));
  return `SELECT ${[...keys, ...measures].join(', ')}
    FROM ${source} s ${table.fanOut ?? ''}${table.where ? `\n    WHERE ${table.where}` : ''}
    GROUP BY ${numbered(keys.length)}`;
}

const columns = (table: RollupTable) => [...table.keys.map((k) => k.name), ...table.measures.map((m) => m.name)].join(', ');

/**
 * Adds the counts of `source`'s rows (a transition table) to `table`, or takes them away.
 * Rows are upserted in key order, so concurrent statements lock rollup rows in the same order
 * and cannot deadlock.
 */
function upsert(table: RollupTable, source: string, sign: 1 | -1): string {
  const keyNames = table.keys.map((k) => k.name);
  return `INSERT INTO ${table.name} AS d (${columns(table)})
    ${aggregate(table, source, sign)} ORDER BY ${numbered(keyNames.length)}
    ON CONFLICT (${keyNames.join(', ')}) DO UPDATE SET ${table.measures.map((m) => `${m.name} = d.${m.name} + excluded.${m.name}`).join(', ')};`;
}

function createTable(table: RollupTable): string {
  const lines = [
    ...table.keys.map((k) => `  ${k.name} ${k.type} NOT NULL`),
    ...table.measures.map((m) => `  ${m.name} integer NOT NULL DEFAULT 0`),
    `  PRIMARY KEY (${table.keys.map((k) => k.name).join(', ')})`,
  ];
  const indexes = table.indexes.map((cols) => `CREATE INDEX ${table.name}_${cols.join('_')} ON ${table.name} (${cols.join(', ')});`);
  return [`-- ${table.purpose}`, `CREATE TABLE ${table.name} (\n${lines.join(',\n')}\n);`, ...indexes].join('\n');
}

/** Statements that empty every rollup table and fill it from `submissions` (a rebuild). */
export function rebuildStatements(): string[] {
  return ROLLUPS.flatMap((table) => [`DELETE FROM ${table.name}`, `INSERT INTO ${table.name} (${columns(table)})\n    ${aggregate(table, 'submissions', 1)}`]);
}

/**
 * Statements that add the counts of `source` (a table shaped like `submissions`) to every rollup
 * table: the trigger's upserts, run on a table instead of a transition table. A bulk load inserts
 * a chunk with the trigger off, then runs these on the same chunk (bench/dashboard-queries.ts), so
 * it never has to re-read everything loaded before.
 */
export function addToRollupsStatements(source: string): string[] {
  return ROLLUPS.map((table) => upsert(table, source, 1));
}

/** The rollup tables' names. */
export const rollupTableNames = (): string[] => ROLLUPS.map((t) => t.name);

/** Everything the rollups were ever made of, old names included, so a migration can start clean. */
const DROP = `
DROP TRIGGER IF EXISTS submissions_rollup_insert ON submissions;
DROP TRIGGER IF EXISTS submissions_rollup_update ON submissions;
DROP TRIGGER IF EXISTS submissions_rollup_delete ON submissions;
DROP FUNCTION IF EXISTS stats_rollup_apply();
DROP FUNCTION IF EXISTS stats_answer_values(jsonb);
DROP TABLE IF EXISTS stats_team_daily;
${ROLLUPS.map((t) => `DROP TABLE IF EXISTS ${t.name};`).join('\n')}
`;

/**
 * The columns the rollups group by that a submission does not carry as such, derived once when
 * it is inserted and never recomputed: `local_date` (the day in its store's time zone, so a
 * Stockholm store's day ends at Stockholm's midnight), `lang` (the primary language of its
 * locale), `device_class` and `has_comment`. Derived in the database so that every way of
 * inserting (ingest, the demo seed, bulk loads, tests) gets them.
 */
const DERIVED_COLUMNS = `
ALTER TABLE submissions ADD COLUMN IF NOT EXISTS local_date date;
ALTER TABLE submissions ADD COLUMN IF NOT EXISTS lang text;
-- kiosk, mobile, tablet, desktop or unknown (ingest sets it from the channel and the User-Agent).
ALTER TABLE submissions ADD COLUMN IF NOT EXISTS device_class text;
-- Whether the submission came with free text; stays true when retention erases the text.
ALTER TABLE submissions ADD COLUMN IF NOT EXISTS has_comment boolean;
-- Topics of the free text, tagged on ingest from the brand's dictionary.
ALTER TABLE submissions ADD COLUMN IF NOT EXISTS topics text[] NOT NULL DEFAULT '{}';

-- A store's day in its own time zone; an unknown store or a zone PostgreSQL does not know counts in UTC.
CREATE OR REPLACE FUNCTION store_local_date(at timestamptz, zone text) RETURNS date LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (at AT TIME ZONE coalesce(zone, 'UTC'))::date;
EXCEPTION WHEN invalid_parameter_value THEN
  RETURN (at AT TIME ZONE 'UTC')::date;
END;
$$;

CREATE OR REPLACE FUNCTION submissions_derive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.local_date IS NULL THEN
    NEW.local_date := store_local_date(NEW.created_at, (SELECT time_zone FROM stores WHERE brand_id = NEW.brand_id AND id = NEW.store_id));
  END IF;
  NEW.lang := coalesce(NEW.lang, nullif(split_part(lower(NEW.locale), '-', 1), ''), 'und');
  NEW.device_class := coalesce(NEW.device_class, CASE WHEN NEW.channel = 'kiosk' THEN 'kiosk' ELSE 'unknown' END);
  NEW.has_comment := coalesce(NEW.has_comment, NEW.comment IS NOT NULL);
  RETURN NEW;
END;
$$;

DROP TRIGGER IF EXISTS submissions_derive ON submissions;
CREATE TRIGGER submissions_derive BEFORE INSERT ON submissions FOR EACH ROW EXECUTE FUNCTION submissions_derive();

UPDATE submissions s SET
  local_date = coalesce(s.local_date, store_local_date(s.created_at, (SELECT st.time_zone FROM stores st WHERE st.brand_id = s.brand_id AND st.id = s.store_id))),
  lang = coalesce(s.lang, nullif(split_part(lower(s.locale), '-', 1), ''), 'und'),
  device_class = coalesce(s.device_class, CASE WHEN s.channel = 'kiosk' THEN 'kiosk' ELSE 'unknown' END),
  has_comment = coalesce(s.has_comment, s.comment IS NOT NULL)
WHERE s.local_date IS NULL OR s.lang IS NULL OR s.device_class IS NULL OR s.has_comment IS NULL;

ALTER TABLE submissions ALTER COLUMN local_date SET NOT NULL;
ALTER TABLE submissions ALTER COLUMN lang SET NOT NULL;
ALTER TABLE submissions ALTER COLUMN device_class SET NOT NULL;
ALTER TABLE submissions ALTER COLUMN has_comment SET NOT NULL;
`;

/**
 * The trigger function: statement-level with transition tables, so a batch of 100 submissions or
 * a bulk load is one grouped upsert per table, and duplicates need no care (ingest's
 * `ON CONFLICT (id) DO NOTHING` inserts no row for them, and an AFTER trigger sees only rows
 * inserted). UPDATE takes the old rows away and adds the new ones.
 */
export function triggerFunction(tables: readonly RollupTable[] = ROLLUPS): string {
  const remove = tables.map((t) => upsert(t, 'old_rows', -1)).join('\n    ');
  const add = tables.map((t) => upsert(t, 'new_rows', 1)).join('\n    ');
  return `
CREATE FUNCTION stats_rollup_apply() RETURNS trigger LANGUAGE plpgsql
-- The planner cannot know a transition table's size and guesses high for the answer fan-out; with
-- JIT on, that guess made every 100-row ingest compile machine code for ~1 s.
SET jit = off
AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    ${remove}
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    ${add}
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER submissions_rollup_insert AFTER INSERT ON submissions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_apply();
CREATE TRIGGER submissions_rollup_update AFTER UPDATE ON submissions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_apply();
CREATE TRIGGER submissions_rollup_delete AFTER DELETE ON submissions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_apply();
`;
}

/** Indexes of the raw-row queries (comments, kudos, responses, one store's answers and topics). */
const RAW_INDEXES = `
DROP INDEX IF EXISTS submissions_comments;
DROP INDEX IF EXISTS submissions_store_comments;
CREATE INDEX submissions_comments ON submissions (brand_id, local_date DESC, created_at DESC) WHERE comment IS NOT NULL;
CREATE INDEX submissions_store_comments ON submissions (brand_id, store_id, local_date DESC, created_at DESC) WHERE comment IS NOT NULL;
CREATE INDEX IF NOT EXISTS submissions_store_day ON submissions (brand_id, store_id, local_date);
-- Kudos look up the staff of a submission's store to match first names in its comment.
CREATE INDEX IF NOT EXISTS staff_by_store ON staff (brand_id, store_id);
`;

/**
 * The whole rollup schema from scratch, filled from the submissions already stored: what a
 * rollup migration runs. A change to definition.ts ships as a new migration module exporting
 * `sql = rollupMigrationSql()`: it drops and rebuilds every rollup, so databases migrated before
 * and after the change end up the same.
 */
export function rollupMigrationSql(): string {
  return [
    '-- Generated from demo/server/stats/rollups/definition.ts by rollupMigrationSql(); do not edit by hand.',
    DROP,
    DERIVED_COLUMNS,
    ...ROLLUPS.map(createTable),
    triggerFunction(),
    RAW_INDEXES,
    ...rebuildStatements().filter((s) => !s.startsWith('DELETE')).map((s) => `${s};`),
  ].join('\n');
}
