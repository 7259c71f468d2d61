/**
 * The dashboard's rollups as generated from demo/server/stats/rollups/definition.ts: store-local
 * days, segments (channel, survey, device class, language), monthly store totals, every
 * question's answers and comment topics. Replaces migration 011's hand-written tables.
 */
import { rollupMigrationSql } from '../../stats/rollups/sql.js';

export const sql = rollupMigrationSql();
