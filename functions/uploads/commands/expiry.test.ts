import { GetObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { harness, NEXT_SESSION_A, type Harness, type Person } from '../../../tests/support/harness';
import { PENDING_TAG } from '../../platform/storage';

/**
 * Orphaned uploads expire: the bucket's lifecycle rule (serverless.yml, ExpireUnreferencedUploads) deletes objects
 * tagged linli-pending=1 after 3 days. Here against s3rver, as the phone uploads: the presigned POST, then the tags.
 */
let h: Harness;
let wang: Person;
let s3: S3Client;
beforeAll(async () => {
  h = await harness();
  wang = await h.person('王秀兰', [['resident', 'c-a']]);
  s3 = new S3Client({ region: 'ap-east-1', endpoint: process.env.S3_ENDPOINT, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
});

/** A photo uploaded as the mini-program does: ask for a presigned POST, then send the form with the file. */
async function uploadPhoto(p: Person): Promise<string> {
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);
  const res = await h.api.as(p).post('/uploads', { purpose: 'matterPhoto', contentType: 'image/jpeg', size: jpeg.length });
  expect(res.status).toBe(201);
  const form = new FormData();
  for (const [k, v] of Object.entries(res.body.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'photo.jpg');
  const upload = await fetch(res.body.url, { method: 'POST', body: form });
  expect(upload.status).toBeLessThan(300);
  return res.body.key;
}

const tagsOf = async (key: string) => (await s3.send(new GetObjectTaggingCommand({ Bucket: process.env.UPLOAD_BUCKET, Key: key }))).TagSet ?? [];

describe('an uploaded photo', () => {
  it('arrives tagged pending, so the expiry rule takes it if nothing ever refers to it', async () => {
    // Act
    const key = await uploadPhoto(wang);
    // Assess
    expect(await tagsOf(key)).toEqual([{ Key: PENDING_TAG.key, Value: PENDING_TAG.value }]);
  });

  it('is kept once a matter carries it, while the photo left out of the matter stays pending', async () => {
    // Prepare
    const [carried, leftOut] = [await uploadPhoto(wang), await uploadPhoto(wang)];
    // Act
    const res = await h.api.as(wang).post(`/sessions/${NEXT_SESSION_A}/matters`, { category: 'environment', text: '楼道里堆满了杂物，消防通道被堵', photos: [carried] });
    // Assess
    expect(res.status).toBe(201);
    expect(await tagsOf(carried)).toEqual([]);
    expect(await tagsOf(leftOut)).toEqual([{ Key: PENDING_TAG.key, Value: PENDING_TAG.value }]);
  });

  it('that was never uploaded (or has expired) does not stop the matter that names it', async () => {
    const res = await h.api.as(wang).post(`/sessions/${NEXT_SESSION_A}/matters`, { category: 'environment', text: '小区东门的路面塌陷了一块', photos: [`uploads/${wang.id}/never-sent.jpg`] });
    expect(res.status).toBe(201);
  });
});
