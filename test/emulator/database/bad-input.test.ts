// Malformed requests get an error in the SDK's shape (HTTP 200, code, message);
// the emulator never crashes and never half-writes.
import { type DbHarness, startDb } from './setup';

let h: DbHarness;
beforeAll(async () => {
  h = await startDb({ things: [] });
});
afterAll(() => h.emu.stop());

async function post(body: string, contentType = 'application/json') {
  const res = await fetch(h.emu.adminUrl, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: res.status, body: (await res.json()) as { code?: string; message?: string; requestId?: string } };
}

describe('malformed /admin requests', () => {
  it.each([
    ['not JSON', '{oops'],
    ['a JSON array', '[]'],
    ['no action', '{}'],
    ['an unknown action', JSON.stringify({ action: 'database.explode' })],
    [
      'documents that are not EJSON',
      JSON.stringify({ action: 'database.insertDocument', collectionName: 'things', data: ['{bad'] }),
    ],
    [
      'a document that is not an object',
      JSON.stringify({ action: 'database.insertDocument', collectionName: 'things', data: ['5'] }),
    ],
    [
      'a negative limit',
      JSON.stringify({ action: 'database.getDocument', collectionName: 'things', queryType: 'WHERE', limit: -1 }),
    ],
    [
      'a doc query without an id',
      JSON.stringify({ action: 'database.getDocument', collectionName: 'things', queryType: 'DOC', query: '{}' }),
    ],
    ['an invalid collection name', JSON.stringify({ action: 'database.addCollection', collectionName: '../etc' })],
  ])('%s → HTTP 200 with a code and message', async (_name, body) => {
    const res = await post(body);
    expect(res.status).toBe(200);
    expect(res.body.code).toEqual(expect.any(String));
    expect(res.body.message).toEqual(expect.any(String));
    expect(res.body.requestId).toEqual(expect.any(String));
  });

  it('an unsupported action names itself', async () => {
    expect((await post(JSON.stringify({ action: 'database.explode' }))).body).toMatchObject({
      code: 'EMULATOR_UNSUPPORTED',
      message: expect.stringContaining('database.explode'),
    });
  });

  it('a batch with one bad document writes none of it, and the emulator keeps serving', async () => {
    const good = JSON.stringify({ ok: { $numberInt: '1' } });
    await post(JSON.stringify({ action: 'database.insertDocument', collectionName: 'things', data: [good, '{bad'] }));
    expect((await h.db.collection('things').count()).total).toBe(0);
    await h.db.collection('things').add({ fine: true });
    expect((await h.db.collection('things').count()).total).toBe(1);
  });
});
