import { canApproveProjects, canRunProjects, nextStatuses } from '../../../shared/microProjects/rules';
import type { DecideProjectInput, MicroProject, ProjectSource, ProjectStatusInput, ProposeProjectInput } from '../../../shared/microProjects/schemas';
import type { UserCtx } from '../../platform/context';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors';
import { figureAdds } from '../../platform/figures';
import { transactCreate } from '../../platform/idempotency';
import { keys } from '../../platform/keys';
import * as store from '../store';
import { projectItem, type ProjectRecord } from '../store';
import { communityOf, projectView } from './view';
import { screenStaffText } from '../../platform/contentSecurity';

/**
 * A community worker proposes a project from a say-it day matter or a council resolution of their community (the link
 * and what it said are kept). Not counted until an officer approves its budget.
 */
export async function proposeProject(ctx: UserCtx, input: ProposeProjectInput): Promise<MicroProject> {
  const c = await communityOf(ctx, input.communityId);
  if (!canRunProjects(ctx.principal, c)) throw new ForbiddenError();
  const s = input.source;
  const text = s.kind === 'matter' ? await store.matterText(ctx.db, c.communityId, s.matterId) : await store.resolutionText(ctx.db, c.communityId, s.councilId, s.resolutionId);
  if (text === undefined) throw new UnprocessableError('PROJECT_SOURCE_INVALID');
  // the title and description are on the community's public accounts
  await screenStaffText(ctx, [
    { name: 'title', zh: '项目名称', en: 'title', text: input.title },
    { name: 'description', zh: '项目说明', en: 'description', text: input.description },
  ]);
  const source: ProjectSource = { ...s, text: text.slice(0, 300) };
  const at = ctx.clock.now().toISOString();
  const record: ProjectRecord = {
    id: ctx.newId(),
    communityId: c.communityId,
    subdistrictId: c.subdistrictId,
    communityName: c.name,
    title: input.title,
    description: input.description,
    source,
    budgetFen: input.budgetFen,
    spentFen: 0,
    remainingFen: 0,
    status: 'proposed',
    proposedAt: at,
    proposedBy: ctx.principal.userId,
    version: 0,
  };
  return transactCreate(ctx, [{ put: projectItem(record), if: { expr: 'attribute_not_exists(#pk)' } }], projectView(record));
}

async function project(ctx: UserCtx, communityId: string, projectId: string, allowed: (c: { subdistrictId: string; communityId: string }) => boolean): Promise<{ c: { subdistrictId: string; communityId: string }; p: ProjectRecord }> {
  const c = await communityOf(ctx, communityId);
  const p = await store.getProject(ctx.db, c.communityId, projectId);
  if (!p) throw new NotFoundError('microProject');
  if (!allowed(c)) throw new ForbiddenError();
  return { c, p };
}

const moveIf = (p: ProjectRecord, version: number) => ({
  expr: '#version = :v AND #status = :s',
  values: { ':v': version, ':s': p.status },
});

/**
 * An officer approves the budget (counted: a project approved, with its budget, this month) or turns it down with a
 * reason. Over the version read: a second decision is STALE_VERSION.
 */
export async function decideProject(ctx: UserCtx, communityId: string, projectId: string, input: DecideProjectInput): Promise<MicroProject> {
  const { c, p } = await project(ctx, communityId, projectId, (s) => canApproveProjects(ctx.principal, s));
  if (p.version !== input.version) throw new ConflictError('STALE_VERSION');
  if (p.status !== 'proposed') throw new ConflictError('PROJECT_WRONG_STATE');
  if (!input.approve && !input.reason) throw new UnprocessableError('REASON_REQUIRED');
  const at = ctx.clock.now().toISOString();
  const next: ProjectRecord = input.approve
    ? { ...p, status: 'approved', approvedAt: at, approvedBy: ctx.principal.userId, remainingFen: p.budgetFen - p.spentFen, version: p.version + 1 }
    : { ...p, status: 'rejected', rejectedReason: input.reason, version: p.version + 1 };
  await ctx.db.transact([
    {
      update: keys.microProject(c.communityId, p.id),
      spec: { set: { status: next.status, approvedAt: next.approvedAt, approvedBy: next.approvedBy, remainingFen: next.remainingFen, rejectedReason: next.rejectedReason, version: next.version }, if: moveIf(p, input.version) },
      fails: 'STALE_VERSION',
    },
    ...(input.approve ? figureAdds(c, at, 'microProjects', { approved: 1, budgetFen: p.budgetFen }) : []),
  ]);
  return projectView(next);
}

/** Work on an approved project started; an started one is done (counted: a project done, this month). */
export async function setProjectStatus(ctx: UserCtx, communityId: string, projectId: string, input: ProjectStatusInput): Promise<MicroProject> {
  const { c, p } = await project(ctx, communityId, projectId, (s) => canRunProjects(ctx.principal, s));
  if (p.version !== input.version) throw new ConflictError('STALE_VERSION');
  if (!nextStatuses[p.status].includes(input.status)) throw new ConflictError('PROJECT_WRONG_STATE');
  const at = ctx.clock.now().toISOString();
  const next: ProjectRecord = { ...p, status: input.status, version: p.version + 1, ...(input.status === 'done' ? { doneAt: at } : {}) };
  await ctx.db.transact([
    { update: keys.microProject(c.communityId, p.id), spec: { set: { status: next.status, doneAt: next.doneAt, version: next.version }, if: moveIf(p, input.version) }, fails: 'STALE_VERSION' },
    ...(input.status === 'done' ? figureAdds(c, at, 'microProjects', { done: 1 }) : []),
  ]);
  return projectView(next);
}
