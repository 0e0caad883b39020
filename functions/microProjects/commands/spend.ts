import { canRunProjects, takesSpending } from '../../../shared/microProjects/rules';
import type { SpendInput, Spending } from '../../../shared/microProjects/schemas';
import { chinaDay } from '../../../shared/platform/chinaTime';
import type { UserCtx } from '../../platform/context';
import { TransactionCancelled } from '../../platform/db';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors';
import { figureAdds } from '../../platform/figures';
import { transactCreate } from '../../platform/idempotency';
import { keys } from '../../platform/keys';
import * as store from '../store';
import { spendingItem, type SpendingRecord } from '../store';
import { communityOf, spendingView } from './view';
import { screenStaffText } from '../../platform/contentSecurity';

const PROJECT = 'project';

/**
 * A spending entry with its receipts. The sum of a project's spending never passes its budget: the project's
 * remainingFen is taken down in the entry's transaction on the condition that it covers the amount, so two spends at
 * the same moment cannot both pass (a read of spentFen followed by a write could). Counted as spent this month.
 */
export async function spend(ctx: UserCtx, communityId: string, projectId: string, input: SpendInput): Promise<Spending> {
  const c = await communityOf(ctx, communityId);
  if (!canRunProjects(ctx.principal, c)) throw new ForbiddenError();
  const p = await store.getProject(ctx.db, c.communityId, projectId);
  if (!p) throw new NotFoundError('microProject');
  if (!takesSpending(p.status)) throw new ConflictError('PROJECT_WRONG_STATE');
  const own = `uploads/${ctx.principal.userId}/`;
  if (input.receipts.some((k) => !k.startsWith(own)) || new Set(input.receipts).size !== input.receipts.length) throw new ForbiddenError('UPLOAD_NOT_YOURS');
  const now = ctx.clock.now();
  if (input.spentOn > chinaDay(now)) throw new UnprocessableError('SPENT_ON_IN_FUTURE');
  if (input.amountFen > p.remainingFen) throw new ConflictError('BUDGET_EXCEEDED', { remainingFen: p.remainingFen });
  // each spending's item is a line of the community's public accounts
  await screenStaffText(ctx, [{ name: 'item', zh: '支出事项', en: 'item', text: input.item }]);
  // the receipts stay: a record references them now (uploads not kept expire after 3 days)
  await ctx.storage.keep(input.receipts);
  const at = now.toISOString();
  const record: SpendingRecord = {
    id: ctx.newId(),
    projectId: p.id,
    communityId: c.communityId,
    amountFen: input.amountFen,
    item: input.item,
    spentOn: input.spentOn,
    receiptKeys: input.receipts,
    enteredAt: at,
    enteredBy: ctx.principal.userId,
  };
  const view = await spendingView(ctx, record);
  try {
    return await transactCreate(
      ctx,
      [
        { put: spendingItem(record), if: { expr: 'attribute_not_exists(#pk)' } },
        {
          update: keys.microProject(c.communityId, p.id),
          spec: {
            add: { spentFen: input.amountFen, remainingFen: -input.amountFen },
            if: { expr: '#remainingFen >= :amount AND #status IN (:approved, :inProgress)', values: { ':amount': input.amountFen, ':approved': 'approved', ':inProgress': 'inProgress' } },
          },
          tag: PROJECT,
        },
        ...figureAdds(c, at, 'microProjects', { spentFen: input.amountFen }),
      ],
      view,
    );
  } catch (e) {
    if (!(e instanceof TransactionCancelled && e.failed(PROJECT))) throw e;
    // another spend took the budget meanwhile, or the project was closed: read again and say which
    const after = await store.getProject(ctx.db, c.communityId, p.id);
    if (after && takesSpending(after.status)) throw new ConflictError('BUDGET_EXCEEDED', { remainingFen: after.remainingFen });
    throw new ConflictError('PROJECT_WRONG_STATE');
  }
}
