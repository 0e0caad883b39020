import type { Deps } from '../platform/context';
import { loadDeps } from '../platform/context';
import { job } from '../platform/job';
import { drainWork as drainQueue, type WorkKinds } from '../platform/work';
import { casesCapability } from './capability';
import { CASES_QUEUE, importTicketsStep } from './commands/import';

const casesWork: WorkKinds = { importTickets: importTicketsStep };

/** The case engine's work items (an imported export written chunk by chunk), every minute. */
export const drainWork = job(casesCapability.functions.drainCasesWork!, (deps: Deps, opts?: { budgetMs?: number }) => drainQueue(deps, CASES_QUEUE, casesWork, opts));
export const drainWorkHandler = async () => drainWork(await loadDeps());
