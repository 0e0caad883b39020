import { randomBytes } from 'node:crypto';
import { dynamoClient } from '../../functions/platform/db';
import { ensureTable } from '../../scripts/localStack';
import { startOffline, type Offline } from '../../scripts/offline';

/**
 * The functions as API Gateway runs them: serverless.yml's routes, esbuild bundles, serverless-offline's HTTP API
 * (payload 2.0), behind the concurrency gate as in `npm start`, against DynamoDB Local and the WeChat stand-in. HTTP
 * from outside, like the mini-program.
 */
let offline: Offline;
let base: string;

jest.setTimeout(180_000);

beforeAll(async () => {
  const tableName = `offline-${randomBytes(4).toString('hex')}`;
  await ensureTable(dynamoClient(process.env.DYNAMODB_ENDPOINT), tableName);
  offline = await startOffline({ env: { ...process.env, TABLE_NAME: tableName } });
  base = offline.base;
});

afterAll(async () => {
  await offline?.stop();
});

async function call(method: string, p: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${p}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

describe('the HTTP API under serverless-offline', () => {
  it('serves the OpenAPI document generated from the contract', async () => {
    const res = await call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toContain('/sessions/{sessionId}/matters');
  });

  it('logs in with a code minted by the WeChat stand-in and answers who I am, with a request id', async () => {
    const minted = await fetch(`${process.env.WECHAT_API_BASE}/__standin/code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: 'offline-user-1' }) });
    const { code } = (await minted.json()) as { code: string };
    const login = await call('POST', '/auth/wechat', { code });
    expect(login.status).toBe(200);
    const me = await call('GET', '/me', undefined, { authorization: `Bearer ${login.body.accessToken}` });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(login.body.me.id);
    expect(me.headers.get('x-request-id')).toBeTruthy();
  });

  it('gives every response its own request id, as API Gateway does (serverless-offline sends one constant)', async () => {
    // Prepare: the same request three times, and another (one function, warm: a cold start under load can time out)
    const paths = ['/health', '/health', '/health', '/config'];
    // Act
    const responses = [];
    for (const p of paths) responses.push(await call('GET', p));
    // Assess
    const ids = responses.map((r) => r.headers.get('x-request-id'));
    expect(new Set(ids).size).toBe(paths.length);
    expect(ids).not.toContain('offlineContext_resourceId');
    expect(ids).not.toContain(null);
  });

  it("takes WeChat's message push as the stand-in delivers it (sealed, signed), answering success as plain text", async () => {
    const minted = await fetch(`${process.env.WECHAT_API_BASE}/__standin/code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: 'offline-user-2' }) });
    const login = await call('POST', '/auth/wechat', { code: ((await minted.json()) as { code: string }).code });
    const auth = { authorization: `Bearer ${login.body.accessToken}` };
    const templates = (await call('GET', '/config', undefined, auth)).body.templates as Record<string, string>;
    const granted = await call('POST', '/me/subscriptions', { results: { [templates.eventReminder!]: 'accept' } }, auth);
    expect(granted.body.counts).toEqual({ eventReminder: 1 });
    const event = { ToUserName: 'gh_linli', FromUserName: 'offline-user-2', CreateTime: '1764120000', MsgType: 'event', Event: 'subscribe_msg_change_event', List: { TemplateId: templates.eventReminder, SubscribeStatusString: 'reject' } };
    const delivered = await fetch(`${process.env.WECHAT_API_BASE}/__standin/push`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: `${base}/wechat/push`, event }) });
    expect(await delivered.json()).toEqual({ status: 200, body: 'success' });
    const after = await call('POST', '/me/subscriptions', { results: { [templates.eventReminder!]: 'reject' } }, auth);
    expect(after.body.counts).toEqual({ eventReminder: 0 });
  });

  it('answers bad JSON with 400 BAD_JSON and no token with 401, never a 500', async () => {
    const bad = await call('POST', '/auth/wechat', '{"code":');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BAD_JSON');
    const anonymous = await call('GET', '/me/matters');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录', messageEn: 'Please log in first' });
  });
});
