import type { Deps } from '../functions/platform/context';
import { builtInVersion } from '../shared/relief/rules';
import { ReliefType } from '../shared/relief/schemas';

type Call = (at: Date, method: string, path: string, token: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any }>;

/**
 * The relief rules' first versions (issue 13 item 4): the built-in table of shared/relief/types.ts, entered by the
 * sub-district's officer through POST /relief/types/{type}/versions on 1 January of the seed's year (so every seeded
 * application is submitted under version 1), with a reason. A re-run adds nothing: a type that has a stored version is
 * left alone, each request carries its Idempotency-Key, and a marker item (SEED#reliefRules) makes a re-run call nothing.
 */
const marker = { pk: 'SEED#reliefRules', sk: 'SEED' };
export async function seedReliefRules(opts: { deps: Deps; now: Date; call: Call; tokenFor: (openid: string, at: Date) => string; officer?: string; subdistrictId?: string }): Promise<{ written: number }> {
  const officer = opts.officer ?? 'officer-huang';
  const sd = opts.subdistrictId ?? 'sd-xx';
  const day = `${opts.now.toISOString().slice(0, 4)}-01-01`;
  const at = new Date(`${day}T01:00:00Z`); // 09:00 in China
  const token = opts.tokenFor(officer, new Date(at.getTime() - 60_000));
  if (await opts.deps.db.get(marker)) return { written: 0 };
  let written = 0;
  for (const type of ReliefType.options) {
    const history = await opts.call(at, 'GET', `/relief/types/${type}/versions`, token);
    if (history.status >= 300) throw new Error(`seed relief rules: history of ${type} answered ${history.status} ${JSON.stringify(history.body)}`);
    if (history.body.items.some((v: { version: number }) => v.version > 0)) continue;
    const { nameZh, nameEn, parameters, documents, levels } = builtInVersion(type, sd);
    const res = await opts.call(at, 'POST', `/relief/types/${type}/versions`, token, { nameZh, nameEn, parameters, documents, levels, effectiveFrom: day, reason: '初始规则：原系统内置标准表' }, { 'idempotency-key': `seed-relief-rules-${type}` });
    if (res.status >= 300) throw new Error(`seed relief rules: ${type} answered ${res.status} ${JSON.stringify(res.body)}`);
    written++;
  }
  await opts.deps.db.put({ ...marker, entity: 'seedMarker', at: opts.now.toISOString(), written });
  return { written };
}
