import { parseArgs } from 'node:util';
import type { AppContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { runRetention } from './job.js';
import { ContactRequestSchema } from './request.js';
import { eraseContactData, exportContactData, listAudit } from './rights.js';

/** The usage of {@link privacyCommand}, as a command-line tool prints it. */
export const PRIVACY_USAGE = `Usage: privacy <command> [options]

  export   (--email <address> | --phone <number>) --actor <who> [--brand <id>]
           Print everything kept about a contact as JSON (recorded in the audit log).
  erase    (--email <address> | --phone <number>) --actor <who> [--brand <id>]
           Erase everything tied to a contact; print counts and ids (recorded in the audit log).
  audit    [--limit <n>]
           Print the audit log, newest first.
  retention
           Run the retention job once now, with every brand's settings; print its counts.

The contact is normalised: case and spaces of e-mail addresses, separators and 00/+ of phone numbers.`;

/** What the command writes: JSON results to `out`, messages to `err`. */
export interface CommandOutput {
  out(text: string): void;
  err(text: string): void;
}

/**
 * The `privacy` command of the collector (export, erase, audit, retention) over an open collector
 * context: the package's `storevoice-collector` bin mounts it as `storevoice-collector privacy …`,
 * and `npm run privacy -- …` runs it in a checkout (demo/server/retention/main.ts). Returns the
 * exit code: 0 done, 1 failed, 2 bad usage (with a message that names the option).
 * @example
 * const code = await privacyCommand(['erase', '--email', 'jane@example.com', '--actor', 'dpo'], ctx, output);
 */
export async function privacyCommand(argv: readonly string[], ctx: Pick<AppContext, 'db' | 'log' | 'now' | 'config'>, output: CommandOutput): Promise<number> {
  const [command, ...rest] = argv;
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...rest],
      strict: true,
      options: { email: { type: 'string' }, phone: { type: 'string' }, actor: { type: 'string' }, brand: { type: 'string' }, limit: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    output.err(`${error instanceof Error ? error.message : String(error)}\n\n${PRIVACY_USAGE}`);
    return 2;
  }
  const print = (value: unknown) => output.out(JSON.stringify(value, null, 2));
  try {
    switch (command) {
      case 'export':
      case 'erase': {
        const parsed = ContactRequestSchema.safeParse({ email: values.email, phone: values.phone, actor: values.actor ?? '', brand: values.brand });
        if (!parsed.success) {
          output.err(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
          return 2;
        }
        print(command === 'export' ? await exportContactData(ctx, parsed.data) : await eraseContactData(ctx, parsed.data));
        return 0;
      }
      case 'audit': {
        const limit = values.limit === undefined ? 100 : Number(values.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
          output.err('--limit: must be a whole number from 1 to 500');
          return 2;
        }
        print({ entries: await listAudit(ctx.db, { limit }) });
        return 0;
      }
      case 'retention':
        print({ counts: await runRetention(ctx) });
        return 0;
      default:
        output.err(command && !values.help ? `Unknown command "${command}"\n\n${PRIVACY_USAGE}` : PRIVACY_USAGE);
        return command && !values.help ? 2 : 0;
    }
  } catch (error) {
    // A 404 (an unknown --brand) is the user's mistake, said plainly; anything else is a failure.
    if (error instanceof ApiError && error.status < 500) {
      output.err(error.message);
      return 2;
    }
    output.err(`privacy ${command}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
