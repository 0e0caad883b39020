import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REVIEW_WORDS, RISKY_PHOTO_MARK, RISKY_WORDS, startWechatStandIn, type WechatStandIn } from '../../scripts/wechatStandIn';
import { wechatClient, WechatApiError } from './wechat';
import { openPush, pushSignature } from './wechatPush';

const APPID = 'wx-cs-test';
const SECRET = 'cs-secret';
const PUSH = { token: 'cs-token', aesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' };

let standIn: WechatStandIn;
const client = () => wechatClient({ apiBase: standIn.url, appId: APPID, secret: SECRET });

beforeAll(async () => {
  standIn = await startWechatStandIn({ port: 0, appid: APPID, secret: SECRET, push: PUSH, mediaDelayMs: 50 });
});
afterAll(async () => {
  await standIn?.close();
});

describe('msgSecCheck (POST /wxa/msg_sec_check, version 2)', () => {
  it('passes ordinary text', async () => {
    const v = await client().msgSecCheck({ content: '楼道灯坏了，请物业修一下', scene: 3, openid: 'o-cs-1' });
    expect(v).toMatchObject({ suggest: 'pass', label: 100 });
    expect(typeof v.traceId).toBe('string');
  });

  it('calls text with a word of the risky list risky, and of the review list review', async () => {
    await expect(client().msgSecCheck({ content: `看看这个${RISKY_WORDS[0]}`, scene: 2, openid: 'o-cs-1' })).resolves.toMatchObject({ suggest: 'risky', label: 20006 });
    await expect(client().msgSecCheck({ content: `点这里${REVIEW_WORDS[0]}`, scene: 2, openid: 'o-cs-1' })).resolves.toMatchObject({ suggest: 'review' });
  });

  it('is refused with 47001 when the scene is not one of WeChat’s', async () => {
    const err = await client()
      .msgSecCheck({ content: 'x', scene: 9 as never, openid: 'o-cs-1' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WechatApiError);
    expect((err as WechatApiError).errcode).toBe(47001);
  });

  it('throws when WeChat cannot be reached, so the caller keeps the text for review', async () => {
    const down = wechatClient({ apiBase: 'http://127.0.0.1:9', appId: APPID, secret: SECRET, timeoutMs: 500 });
    await expect(down.msgSecCheck({ content: 'x', scene: 2, openid: 'o' })).rejects.toThrow();
  });
});

describe('mediaCheckAsync (POST /wxa/media_check_async) and its wxa_media_check push', () => {
  it('answers a trace_id and later pushes the verdict, signed and sealed, to the push URL', async () => {
    // Prepare: a receiver standing in for our /wechat/push
    const got: { query: URLSearchParams; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        got.push({ query: new URL(req.url!, 'http://x').searchParams, body });
        res.end('success');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wechat/push`;
    await fetch(`${standIn.url}/__standin/media-push`, { method: 'POST', body: JSON.stringify({ url }) });
    try {
      // Act
      const { traceId } = await client().mediaCheckAsync({ mediaUrl: `http://127.0.0.1:9/uploads/u1/${RISKY_PHOTO_MARK}.jpg`, mediaType: 2, scene: 3, openid: 'o-cs-2' });
      const clean = await client().mediaCheckAsync({ mediaUrl: 'http://127.0.0.1:9/uploads/u1/cat.jpg', mediaType: 2, scene: 3, openid: 'o-cs-2' });
      for (let i = 0; i < 100 && got.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
      // Assess
      expect(got).toHaveLength(2);
      const events = got.map(({ query, body }) => {
        const { Encrypt } = JSON.parse(body) as { Encrypt: string };
        expect(query.get('msg_signature')).toBe(pushSignature(PUSH.token, query.get('timestamp')!, query.get('nonce')!, Encrypt));
        return JSON.parse(openPush(Encrypt, { ...PUSH, appId: APPID })!) as Record<string, any>;
      });
      const risky = events.find((e) => e.trace_id === traceId)!;
      expect(risky).toMatchObject({ Event: 'wxa_media_check', FromUserName: 'o-cs-2', version: 2, result: { suggest: 'risky' } });
      expect(events.find((e) => e.trace_id === clean.traceId)).toMatchObject({ result: { suggest: 'pass', label: 100 } });
    } finally {
      await fetch(`${standIn.url}/__standin/media-push`, { method: 'POST', body: JSON.stringify({ url: null }) });
      await new Promise((r) => server.close(r));
    }
  });

  it('refuses a body without version 2 with 47001', async () => {
    const tok = await (await fetch(`${standIn.url}/cgi-bin/token?grant_type=client_credential&appid=${APPID}&secret=${SECRET}`)).json();
    const res = await fetch(`${standIn.url}/wxa/media_check_async?access_token=${tok.access_token}`, { method: 'POST', body: JSON.stringify({ media_url: 'http://x/y.jpg', media_type: 2, scene: 1, openid: 'o' }) });
    expect(await res.json()).toMatchObject({ errcode: 47001 });
  });
});
