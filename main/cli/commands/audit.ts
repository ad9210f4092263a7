import { auditSentencesNaming, auditWho } from '../../../shared/audit-sentences';
import { localTimestamp } from '../../../shared/local-time';
import { EXIT, type CliCommand } from '../cli-context';
import { idArg, optionalNumber, outArg } from '../command-args';
import { parseCommandArgs } from '../run-cli';

const SHOWN = 100;

export const audit: CliCommand = {
  name: 'audit',
  usage: 'audit [--action ACTION]… [--order ORDER] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--oldest] [--out FILE.csv [--force]]',
  summary: 'The audit log, newest first, one sentence per entry with who did it (--oldest: oldest first); --out saves every entry the filters pick as CSV.',
  flags: { orderId: 'order', actions: 'action' },
  async run(ctx, argv) {
    const { values } = parseCommandArgs(argv, {
      action: { type: 'string', multiple: true },
      order: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      limit: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      oldest: { type: 'boolean' },
    });
    const query = {
      actions: values.action ?? [],
      orderId: values.order === undefined ? undefined : idArg([values.order], 'order', 'audit --order 12'),
      from: values.from ?? null,
      to: values.to ?? null,
    };
    if (values.out !== undefined) {
      const outPath = outArg(values.out, values.force === true);
      const saved = await ctx.app.audit.exportCsv(ctx.actor, query, outPath);
      if (ctx.json) ctx.out(JSON.stringify({ file: outPath, rows: saved.rows }));
      else ctx.err(`Wrote ${saved.rows} audit entries to ${outPath}.`);
      return EXIT.ok;
    }
    const limit = Math.floor(optionalNumber('limit', values.limit) ?? SHOWN);
    let shown = 0;
    let cursor: number | undefined;
    let more = false;
    const names = ctx.app.orders.names(ctx.actor);
    const sentence = auditSentencesNaming((id) => names.get(id) ?? null);
    const pageAfter = (after: number | undefined, size: number) => {
      if (!values.oldest) {
        const page = ctx.app.audit.page(ctx.actor, { ...query, beforeId: after, limit: size });
        return { entries: page.entries, next: page.nextBeforeId };
      }
      const page = ctx.app.audit.pageFromOldest(ctx.actor, { ...query, afterId: after, limit: size });
      return { entries: page.entries, next: page.nextAfterId };
    };
    while (shown < limit) {
      const page = pageAfter(cursor, Math.min(1_000, limit - shown));
      for (const e of page.entries) {
        const when = localTimestamp(e.at);
        if (ctx.json) ctx.out(JSON.stringify({ entry: e.id, at: e.at, when, who: auditWho(e.actor), via: e.actor.via, user: e.actor.user, action: e.action, what: sentence(e), subject: e.subject }));
        else ctx.out(`${when}\t${auditWho(e.actor)}\t${sentence(e)}`);
      }
      shown += page.entries.length;
      if (page.next === null) break;
      cursor = page.next;
      more = true;
    }
    if (shown === 0) ctx.err('No audit entries match.');
    else if (more && shown >= limit && !ctx.json) ctx.err(`Showing the ${values.oldest ? 'oldest' : 'newest'} ${shown}; --limit N shows more, --out FILE.csv saves them all.`);
    return EXIT.ok;
  },
};
