import { DatabaseService } from '../../../emulator/database';
import type { RunningEmulator } from '../../../emulator/registry';
import { startTestEmulator } from '../../support/emulator';
import { type CloudbaseApp, sdkFor } from '../../support/sdk';

let emu: RunningEmulator;
let app: CloudbaseApp;
let db: ReturnType<CloudbaseApp['database']>;

beforeAll(async () => {
  emu = await startTestEmulator([
    new DatabaseService({
      collections: [
        { name: 'books', indexes: [], rule: { read: false, write: false } },
        {
          name: 'members',
          indexes: [{ name: 'uniq_phone', keys: { phone: 1 }, unique: true }],
          rule: { read: false, write: false },
        },
      ],
    }),
  ]);
  app = sdkFor(emu);
  db = app.database();
});
afterAll(() => emu.stop());
beforeEach(() => emu.reset());

describe('documents: add, get, set, update, remove', () => {
  it('add returns a generated id and get returns the document with its types intact', async () => {
    const when = new Date('2026-01-02T03:04:05.678Z');
    const { id } = (await db
      .collection('books')
      .add({ title: '论语', n: 3, price: 1.5, big: 2 ** 40, when, tags: ['a'], nested: { a: null } })) as {
      id: string;
    };

    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const { data } = await db.collection('books').doc(id).get();
    expect(data).toEqual([
      { _id: id, title: '论语', n: 3, price: 1.5, big: 2 ** 40, when, tags: ['a'], nested: { a: null } },
    ]);
    expect(data[0].when).toBeInstanceOf(Date);
  });

  it('add of an array inserts all, keeping given ids', async () => {
    const res = (await db.collection('books').add([{ _id: 'b1', t: 1 }, { t: 2 }])) as { ids: string[] };
    expect(res.ids[0]).toBe('b1');
    expect(res.ids).toHaveLength(2);
    expect((await db.collection('books').count()).total).toBe(2);
  });

  it('when an _id already exists, add fails with a duplicate-key error and writes nothing', async () => {
    await db.collection('books').add({ _id: 'dup', v: 1 });
    await expect(db.collection('books').add([{ _id: 'new1' }, { _id: 'dup', v: 2 }])).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
      message: expect.stringContaining('E11000 duplicate key error collection: books'),
    });
    expect((await db.collection('books').doc('dup').get()).data[0].v).toBe(1);
    expect((await db.collection('books').doc('new1').get()).data).toEqual([]);
  });

  it('get of a missing document gives an empty list, not an error', async () => {
    expect((await db.collection('books').doc('nope').get()).data).toEqual([]);
  });

  it('set replaces a document, or creates it (upsert) when missing', async () => {
    const created = await db.collection('books').doc('s1').set({ a: 1, keep: true });
    expect(created).toMatchObject({ upsertedId: 's1' });
    const replaced = await db.collection('books').doc('s1').set({ b: 2 });
    expect(replaced).toMatchObject({ updated: 1 });
    expect((await db.collection('books').doc('s1').get()).data).toEqual([{ _id: 's1', b: 2 }]);
  });

  it('update merges nested objects field by field', async () => {
    await db.collection('books').add({ _id: 'u1', title: 't', nested: { a: 1, b: { c: 1, d: 1 } } });
    const res = await db
      .collection('books')
      .doc('u1')
      .update({ title: 'u', nested: { b: { c: 2 } } });
    expect(res.updated).toBe(1);
    expect((await db.collection('books').doc('u1').get()).data[0]).toEqual({
      _id: 'u1',
      title: 'u',
      nested: { a: 1, b: { c: 2, d: 1 } },
    });
  });

  it('update of a missing document updates nothing and creates nothing', async () => {
    expect((await db.collection('books').doc('ghost').update({ a: 1 })).updated).toBe(0);
    expect((await db.collection('books').count()).total).toBe(0);
  });

  it('remove deletes one document; removing a missing one deletes 0', async () => {
    await db.collection('books').add({ _id: 'r1' });
    expect((await db.collection('books').doc('r1').remove()).deleted).toBe(1);
    expect((await db.collection('books').doc('r1').remove()).deleted).toBe(0);
  });

  it('serverDate is the server time, with its offset', async () => {
    const before = Date.now();
    await db.collection('books').add({ _id: 'd1', at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) });
    const after = Date.now();
    const doc = (await db.collection('books').doc('d1').get()).data[0];
    expect(doc.at.getTime()).toBeGreaterThanOrEqual(before);
    expect(doc.at.getTime()).toBeLessThanOrEqual(after);
    expect(doc.later.getTime() - doc.at.getTime()).toBe(60_000);
  });

  it('field() projects the returned fields', async () => {
    await db.collection('books').add({ _id: 'p1', title: 't', n: 1, secret: 'x' });
    expect((await db.collection('books').doc('p1').field({ title: true, _id: false }).get()).data).toEqual([
      { title: 't' },
    ]);
    expect((await db.collection('books').where({ n: 1 }).field({ secret: false }).get()).data).toEqual([
      { _id: 'p1', title: 't', n: 1 },
    ]);
  });
});

describe('collections', () => {
  it('using a collection that was never created fails with DATABASE_COLLECTION_NOT_EXIST', async () => {
    await expect(db.collection('undeclared').add({ a: 1 })).rejects.toMatchObject({
      code: 'DATABASE_COLLECTION_NOT_EXIST',
    });
    await expect(db.collection('undeclared').where({}).get()).rejects.toMatchObject({
      code: 'DATABASE_COLLECTION_NOT_EXIST',
    });
  });

  it('createCollection makes it usable; creating it twice fails', async () => {
    await db.createCollection('made_here');
    await db.collection('made_here').add({ a: 1 });
    expect((await db.collection('made_here').count()).total).toBe(1);
    await expect(db.createCollection('made_here')).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_ALREADY_EXIST' });
  });

  it('reset drops collections that were not declared', async () => {
    await db.createCollection('temp_coll');
    await emu.reset();
    await expect(db.collection('temp_coll').count()).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
  });
});

describe('unique indexes', () => {
  it('a second document with the same unique key is refused, by add and by update', async () => {
    await db.collection('members').add({ _id: 'm1', phone: '13800000001' });
    await db.collection('members').add({ _id: 'm2', phone: '13800000002' });

    await expect(db.collection('members').add({ phone: '13800000001' })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
      message: expect.stringContaining('index: uniq_phone dup key: { phone: "13800000001" }'),
    });
    await expect(db.collection('members').doc('m2').update({ phone: '13800000001' })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
    });
    expect((await db.collection('members').doc('m2').get()).data[0].phone).toBe('13800000002');
  });

  it('freeing a key lets another document take it', async () => {
    await db.collection('members').add({ _id: 'm1', phone: '1' });
    await db.collection('members').doc('m1').update({ phone: '2' });
    await db.collection('members').add({ _id: 'm2', phone: '1' });
    expect((await db.collection('members').count()).total).toBe(2);
  });

  it('a missing field counts as null: two documents without it collide (as on CloudBase)', async () => {
    await db.collection('members').add({ _id: 'n1' });
    await expect(db.collection('members').add({ _id: 'n2' })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
    });
  });

  it('50 concurrent adds of one key: exactly one succeeds', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => db.collection('members').add({ _id: `c${i}`, phone: 'same' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await db.collection('members').count()).total).toBe(1);
  });
});
