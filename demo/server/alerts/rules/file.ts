import { readFile } from 'node:fs/promises';
import type { AppContext } from '../../context.js';
import { webhookTargetPolicyOf } from '../delivery/target-policy.js';
import { replaceFileRules } from './repository.js';
import { AlertRulesFileSchema } from './schema.js';

/** Thrown at start for an unreadable or invalid ALERT_RULES_FILE; the message names every bad field. */
export class AlertRulesFileError extends Error {
  override name = 'AlertRulesFileError';
}

/**
 * Loads ALERT_RULES_FILE into `alert_rules` (source `file`). Runs at start: a broken rules file
 * stops the collector like a bad environment variable would, rather than silently alerting nobody.
 */
export async function loadRulesFile(ctx: AppContext, path: string): Promise<number> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new AlertRulesFileError(`ALERT_RULES_FILE ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const parsed = AlertRulesFileSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new AlertRulesFileError(`ALERT_RULES_FILE ${path} is invalid:\n${lines.join('\n')}`);
  }
  const policy = webhookTargetPolicyOf(ctx.config);
  const refused = [];
  for (const [index, rule] of parsed.data.entries()) {
    if (!rule.webhook) continue;
    const target = await policy.check(rule.webhook.url);
    if (!target.ok) refused.push(`  ${index}.webhook.url: ${target.reason}`);
  }
  if (refused.length > 0) throw new AlertRulesFileError(`ALERT_RULES_FILE ${path} is invalid:\n${refused.join('\n')}`);
  await ctx.db.transaction((tx) => replaceFileRules(tx, parsed.data, ctx.now()));
  ctx.log.info('alert rules loaded', { file: path, rules: parsed.data.length });
  return parsed.data.length;
}
