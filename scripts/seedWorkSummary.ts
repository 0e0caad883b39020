import { handleAny } from '../functions/app';
import { fixedClock } from '../functions/platform/clock';
import type { Deps } from '../functions/platform/context';
import { chinaMonth } from '../shared/platform/chinaTime';
import { lastHalfYear } from '../shared/workSummary/period';
import type { WorkSummary } from '../shared/workSummary/schemas';
import { SUBDISTRICT } from './seedData';

/**
 * The seed's last step: the work summary of the last whole half-year, as a sub-district officer opens it through the
 * API, so `npm start` says which ledgers the seed gave figures and which are still empty (a ledger whose seed has not
 * landed shows as empty here, not as a wrong number). A summary that does not answer 200 fails the seed.
 */
export async function workSummaryCheck(deps: Deps, opts: { now: Date; token: string; subdistrictId?: string }): Promise<{ line: string; summary: WorkSummary }> {
  const period = lastHalfYear(chinaMonth(opts.now));
  const unitId = opts.subdistrictId ?? SUBDISTRICT;
  const res = await handleAny(
    {
      rawPath: '/work-summary',
      rawQueryString: `unitId=${unitId}&from=${period.from}&to=${period.to}`,
      headers: { authorization: `Bearer ${opts.token}` },
      queryStringParameters: { unitId, ...period },
      requestContext: { requestId: 'seed-work-summary', http: { method: 'GET' } },
    },
    { ...deps, clock: fixedClock(opts.now) },
  );
  if (res.statusCode !== 200) throw new Error(`seed: the work summary of ${period.from}..${period.to} answered ${res.statusCode} ${res.body}`);
  const summary = JSON.parse(res.body!) as WorkSummary;
  const withFigures = summary.ledgers.filter((l) => l.figures.some((f) => f.value > 0));
  const empty = summary.ledgers.filter((l) => !withFigures.includes(l)).map((l) => l.ledger);
  const line = `work summary ${summary.title.zh}: ${withFigures.length} of ${summary.ledgers.length} ledgers with figures${empty.length ? `; nothing yet: ${empty.join(', ')}` : ''}`;
  return { line, summary };
}
