import { randomBytes } from 'node:crypto';
import { handleAny } from '../../functions/app';
import { fixedClock } from '../../functions/platform/clock';
import { readConfig } from '../../functions/platform/config';
import type { Deps } from '../../functions/platform/context';
import { Db, dynamoClient } from '../../functions/platform/db';
import { keys } from '../../functions/platform/keys';
import { grantItem } from '../../functions/org/store';
import { createLogger } from '../../functions/platform/log';
import { s3Storage } from '../../functions/platform/storage';
import { signAccessToken } from '../../functions/platform/tokens';
import { wechatClient } from '../../functions/platform/wechat';
import { createSessions } from '../../functions/sayItDay/jobs';
import type { Grant, Role, Unit } from '../../shared/org/schemas';
import { ensureTable } from '../../scripts/localStack';

/**
 * A test's world: its own table on the run's DynamoDB Local, a fixed clock, a small sub-district, people in roles,
 * and `api.as(person)` calling the real handlers (wrapper, validation, commands, DynamoDB) in-process.
 */
export const START = '2026-12-01T02:00:00.000Z'; // 10:00 in China, four days before the say-it day of the 5th

export interface Person {
  id: string;
  openid: string;
  displayName: string;
  grants: Grant[];
  token: string;
}

export interface Res<T = any> {
  status: number;
  body: T;
  headers: Record<string, string>;
}

const units: Unit[] = [
  { id: 'sd-t', kind: 'subdistrict', name: '测试街道', path: ['sd-t'] },
  { id: 'c-a', kind: 'community', name: '和平社区', parentId: 'sd-t', path: ['sd-t', 'c-a'] },
  { id: 'c-b', kind: 'community', name: '金绿洲社区', parentId: 'sd-t', path: ['sd-t', 'c-b'] },
  { id: 'g-a1', kind: 'grid', name: '和平一网格', parentId: 'c-a', path: ['sd-t', 'c-a', 'g-a1'] },
  { id: 'p-water', kind: 'partnerUnit', name: '市自来水公司', parentId: 'sd-t', path: ['sd-t', 'p-water'] },
];

/** `extraUnits` adds units (a second partner unit, say) beside the standard ones, for the tests that need them. */
export async function harness(opts: { at?: string; extraUnits?: Unit[]; tableName?: string } = {}) {
  // `tableName`: the api tests' own data where serverless-offline's functions read it (serverless.yml names the table
  // linli-<stage>, whatever TABLE_NAME the process has)
  const tableName = opts.tableName ?? `t-${randomBytes(6).toString('hex')}`;
  const client = dynamoClient(process.env.DYNAMODB_ENDPOINT);
  await ensureTable(client, tableName);
  const config = readConfig({ ...process.env, TABLE_NAME: tableName });
  const clock = fixedClock(opts.at ?? START);
  const deps: Deps = {
    db: new Db(client, tableName),
    clock,
    config,
    wechat: wechatClient(config.wechat),
    storage: s3Storage(config.uploads),
    log: createLogger(),
  };

  const allUnits = [...units, ...(opts.extraUnits ?? [])];
  for (const u of allUnits) {
    await deps.db.put({ ...keys.unit(u.id), entity: 'unit', ...u, inviteCode: u.kind === 'community' ? (u.id === 'c-a' ? 'HEPING2026' : 'JINLVZ2026') : undefined });
    if (u.kind === 'community') await deps.db.put({ ...keys.inviteCode(u.id === 'c-a' ? 'HEPING2026' : 'JINLVZ2026'), communityId: u.id });
  }
  await createSessions(deps);

  let n = 0;
  /** A person with roles, made directly in the table; their token is signed as login would. */
  async function person(name: string, roles: [Role, string][] = [], opts: { openid?: string } = {}): Promise<Person> {
    const id = `u${++n}${randomBytes(3).toString('hex')}`;
    const openid = opts.openid ?? `o-${id}`;
    await deps.db.put({ ...keys.openid(openid), userId: id });
    const resident = roles.find(([r]) => r === 'resident');
    await deps.db.put({ ...keys.user(id), entity: 'user', id, openid, displayName: name, createdAt: START, communityId: resident?.[1] });
    const grants: Grant[] = [];
    for (const [role, unitId] of roles) {
      const unit = allUnits.find((u) => u.id === unitId)!;
      grants.push({ role, unitId, unitPath: unit.path });
      // as a binding writes it: a resident's grant also lists them among the community's residents (no grid)
      await deps.db.put(grantItem(id, role, unit, { displayName: name }));
    }
    const token = signAccessToken({ userId: id, displayName: name, grants }, config.tokenSecret, clock.now(), 3600 * 24 * 30);
    return { id, openid, displayName: name, grants, token };
  }

  async function call(method: string, path: string, opts: { body?: unknown; token?: string; headers?: Record<string, string>; rawBody?: string } = {}): Promise<Res> {
    const [rawPath, rawQuery] = path.split('?');
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    const res = await handleAny(
      {
        rawPath: rawPath!,
        rawQueryString: rawQuery ?? '',
        headers,
        queryStringParameters: rawQuery ? Object.fromEntries(new URLSearchParams(rawQuery)) : undefined,
        body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
        requestContext: { requestId: `req-${randomBytes(4).toString('hex')}`, http: { method } },
      },
      deps,
    );
    const text = res.headers['content-type']?.startsWith('text/plain');
    return { status: res.statusCode, body: res.body ? (text ? res.body : JSON.parse(res.body)) : undefined, headers: res.headers };
  }

  const as = (p?: Person) => ({
    get: (path: string, headers?: Record<string, string>) => call('GET', path, { token: p?.token, headers }),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => call('POST', path, { token: p?.token, body, headers }),
    put: (path: string, body?: unknown, headers?: Record<string, string>) => call('PUT', path, { token: p?.token, body, headers }),
    patch: (path: string, body?: unknown, headers?: Record<string, string>) => call('PATCH', path, { token: p?.token, body, headers }),
    raw: (method: string, path: string, rawBody: string, headers?: Record<string, string>) => call(method, path, { token: p?.token, rawBody, headers }),
  });

  /**
   * Every item in the table, for "nothing changed" checks (tests only; never on a request path). Rate-limit counters
   * (RATE#) are left out: a valid request counts against its endpoint's limit whatever the command answers (a refused
   * import, the hide of an item that is not there), by design (functions/platform/rateLimits.ts); the limits have their
   * own tests.
   */
  async function snapshot(): Promise<string[]> {
    const { ScanCommand } = await import('@aws-sdk/client-dynamodb');
    const out = await client.send(new ScanCommand({ TableName: tableName }));
    return (out.Items ?? []).filter((i) => !i.pk?.S?.startsWith('RATE#')).map((i) => JSON.stringify(i)).sort();
  }

  return { deps, clock, tableName, person, api: { as, call }, snapshot, units: allUnits };
}

export type Harness = Awaited<ReturnType<typeof harness>>;

/** The session of community c-a on 5 December 2026: open for matters at START. */
export const NEXT_SESSION_A = 'c-a_20261205';
export const NEXT_SESSION_B = 'c-b_20261205';
