import { settingChangeSchema, settingsSchema, type SettingKey } from '../../../shared/settings';
import { ValidationError } from '../../core/errors';
import { EXIT, type CliCommand } from '../cli-context';
import { parseCommandArgs } from '../run-cli';

const KEYS = Object.keys(settingsSchema.shape) as SettingKey[];

/** A value as typed: "none" for no value, true/false, a number, else the text itself (a layout's name). */
function valueOf(text: string): unknown {
  if (text === 'none') return null;
  if (text === 'true' || text === 'false') return text === 'true';
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

export const settingsList: CliCommand = {
  name: 'settings',
  usage: 'settings',
  summary: `The Settings page's preferences (${KEYS.join(', ')}), as the desktop app has them.`,
  async run(ctx, argv) {
    parseCommandArgs(argv, {});
    const all = ctx.app.settings.all(ctx.actor);
    if (ctx.json) ctx.out(JSON.stringify(all));
    else for (const key of KEYS) ctx.out(`${key}\t${all[key] === null ? 'none' : String(all[key])}`);
    return EXIT.ok;
  },
};

export const settingsSet: CliCommand = {
  name: 'settings set',
  usage: 'settings set KEY VALUE   (e.g. settings set clipboardSeconds 15; lowBalanceCents 50000; pollEverySeconds none)',
  summary: 'Changes one preference, as the Settings page does; written to the audit log.',
  async run(ctx, argv) {
    const { positionals } = parseCommandArgs(argv, {}, true);
    const [key, text] = positionals;
    if (positionals.length !== 2 || !KEYS.includes(key as SettingKey)) throw new ValidationError('key', `Give a setting and its value; the settings are ${KEYS.join(', ')}.`);
    const parsed = settingChangeSchema.safeParse({ key, value: valueOf(text!) });
    if (!parsed.success) throw new ValidationError(key!, `"${text}" is not a value for ${key}: ${parsed.error.issues[0]?.message ?? 'not allowed'}.`);
    const all = ctx.app.settings.change(ctx.actor, parsed.data);
    if (ctx.json) ctx.out(JSON.stringify(all));
    else ctx.err(`${key} is now ${String(all[key as SettingKey] ?? 'none')}.`);
    return EXIT.ok;
  },
};
