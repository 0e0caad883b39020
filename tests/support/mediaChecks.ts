import { wechatPushRequest } from '../../scripts/wechatStandIn';
import type { Harness, Person } from './harness';

/**
 * Photos and WeChat's media check in the moderation tests: a small JPEG uploaded through the app's presigned POST, the
 * asks the WeChat stand-in received (it keeps each verdict until a test delivers it, so not delivering is a dropped
 * push), and a verdict pushed to /wechat/push signed as WeChat signs it, at the harness's clock.
 */
export type MediaAsk = { traceId: string; mediaUrl: string; delivered: boolean; event: Record<string, unknown> };

/** Uploads a JPEG made of `bytes` as `p`; answers its key. */
export async function uploadPhoto(h: Harness, p: Person, bytes: string): Promise<string> {
  const body = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(bytes), Buffer.from([0xff, 0xd9])]);
  const res = await h.api.as(p).post('/uploads', { purpose: 'matterPhoto', contentType: 'image/jpeg', size: body.length });
  expect(res.status).toBe(201);
  const form = new FormData();
  for (const [k, v] of Object.entries(res.body.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([body], { type: 'image/jpeg' }), 'photo.jpg');
  expect((await fetch(res.body.url, { method: 'POST', body: form })).status).toBeLessThan(300);
  return res.body.key;
}

/** Every ask the stand-in got about photos of `p`'s (by their openid), oldest first. */
export async function asksOf(p: Person): Promise<MediaAsk[]> {
  return ((await (await fetch(`${process.env.WECHAT_API_BASE}/__standin/media-checks?openid=${p.openid}`)).json()) as { items: MediaAsk[] }).items;
}

/** The asks about one photo, oldest first. */
export async function asksAbout(p: Person, photoKey: string): Promise<MediaAsk[]> {
  return (await asksOf(p)).filter((m) => decodeURIComponent(m.mediaUrl).includes(photoKey));
}

/** Pushes one verdict to the app as WeChat would, and expects it taken. */
export async function deliver(h: Harness, event: Record<string, unknown>): Promise<void> {
  const call = wechatPushRequest(event as never, { ...h.deps.config.wechat.push!, appId: h.deps.config.wechat.appId }, 'safe', h.clock.now().getTime());
  expect((await h.api.call('POST', `/wechat/push?${call.query}`, { rawBody: call.body })).status).toBe(200);
}
