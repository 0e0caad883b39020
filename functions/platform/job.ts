import { runAs, type FunctionDeclaration } from './capability';
import { recordBreach } from './cloudRules';

/**
 * A scheduled job's work, run as its declared function wherever it is called from (the schedule's handler, the local
 * stack's timer, a test): the guard checks its calls against the job's own needs, and outliving its timeout is a breach.
 */
export function job<A extends unknown[], R>(fn: FunctionDeclaration, work: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args: A) => runAs(fn, () => work(...args), (breach) => recordBreach({ rule: 'timeout', fn: fn.name, message: breach.message }));
}
