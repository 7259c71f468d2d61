/**
 * Adds the totals rollups (no survey, device or language keys) that every unsegmented dashboard
 * view reads, generated from demo/server/stats/rollups/definition.ts like 050: the whole rollup
 * schema is rebuilt, so databases migrated before and after the change end up the same.
 */
import { rollupMigrationSql } from '../../stats/rollups/sql.js';

export const sql = rollupMigrationSql();
