import { canReadAccounts, canRunProjects, isPublic } from '../../../shared/microProjects/rules';
import type { MicroProject, PublicAccounts, Spending } from '../../../shared/microProjects/schemas';
import type { UserCtx } from '../../platform/context';
import { ForbiddenError } from '../../platform/errors';
import * as store from '../store';
import { communityOf, projectView, spendingView } from './view';

/**
 * The community's public accounts (家务账): its projects with their spending and receipts. Residents read the approved,
 * started and done ones; the community's staff read every one (proposals and rejections too). Two queries of the
 * community's partition; no person's name is in it.
 */
export async function publicAccounts(ctx: UserCtx, communityId: string): Promise<PublicAccounts> {
  const c = await communityOf(ctx, communityId);
  if (!canReadAccounts(ctx.principal, c)) throw new ForbiddenError();
  const staff = canRunProjects(ctx.principal, c);
  const [projects, spending] = await Promise.all([store.listProjects(ctx.db, c.communityId), store.listSpending(ctx.db, c.communityId)]);
  const byProject = new Map<string, Spending[]>();
  for (const s of spending) {
    const list = byProject.get(s.projectId) ?? [];
    list.push(await spendingView(ctx, s));
    byProject.set(s.projectId, list);
  }
  const shown = projects.filter((p) => staff || isPublic(p.status)).reverse();
  const views = shown.map((p) => projectView(p, byProject.get(p.id) ?? []));
  const counted = views.filter((p) => isPublic(p.status));
  return {
    communityId: c.communityId,
    communityName: c.name,
    projects: views,
    totals: { budgetFen: counted.reduce((n, p) => n + p.budgetFen, 0), spentFen: counted.reduce((n, p) => n + p.spentFen, 0) },
  };
}

/** Officers: the sub-district's projects, newest first, a page at a time. */
export async function projectsOfSubdistrict(ctx: UserCtx, subdistrictId: string, query: { cursor?: string; limit?: number }): Promise<{ items: MicroProject[]; cursor?: string }> {
  if (!ctx.principal.grants.some((g) => g.role === 'subdistrictOfficer' && g.unitId === subdistrictId)) throw new ForbiddenError();
  const page = await store.listOfSubdistrict(ctx.db, subdistrictId, query.limit ?? 50, query.cursor);
  return { items: page.items.map((p) => projectView(p)), cursor: page.cursor };
}
