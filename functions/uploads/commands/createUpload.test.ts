import { harness, type Harness, type Person } from '../../../tests/support/harness';

let h: Harness;
let wang: Person;
beforeAll(async () => {
  h = await harness();
  wang = await h.person('王秀兰', [['resident', 'c-a']]);
});

describe('uploading a photo', () => {
  it('hands out a presigned POST that the local S3 accepts, under the uploader’s own prefix', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);
    const res = await h.api.as(wang).post('/uploads', { purpose: 'matterPhoto', contentType: 'image/jpeg', size: jpeg.length });
    expect(res.status).toBe(201);
    expect(res.body.key).toMatch(new RegExp(`^uploads/${wang.id}/[a-z0-9]+\\.jpg$`));
    const form = new FormData();
    for (const [k, v] of Object.entries(res.body.fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'photo.jpg');
    const upload = await fetch(res.body.url, { method: 'POST', body: form });
    expect(upload.status).toBeLessThan(300);
  });

  it('refuses a file larger than 5 MB before it is sent', async () => {
    const res = await h.api.as(wang).post('/uploads', { purpose: 'matterPhoto', contentType: 'image/jpeg', size: 6 * 1024 * 1024 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
  });
});
