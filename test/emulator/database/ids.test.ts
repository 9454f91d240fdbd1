// Document ids as CloudBase takes them: strings, numbers (`add({ _id: 1733… })`,
// `doc(number)`) and ObjectIds (`db.ObjectId({ id })`, `{ "$oid": … }`), through
// EJSON both ways and across a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Transaction as Txn } from '@cloudbase/database/dist/commonjs/transaction/index';
import { type DbHarness, startDb } from './setup';

const HEX = '5f1d2e3c4b5a697887766554';
const OTHER_HEX = '65a1b2c3d4e5f60718293a4b';
let h: DbHarness;
const things = () => h.db.collection('things');

beforeAll(async () => {
  h = await startDb({ things: [], people: [] });
});
afterAll(() => h.emu.stop());
beforeEach(() => h.emu.reset());

describe('numeric _id', () => {
  it('add, doc(number).get/update/remove, and where({ _id: n })', async () => {
    const id = 1733000000000;
    expect((await things().add({ _id: id, v: 1 })).id).toBe(id);
    expect((await things().add({ _id: 7, v: 2 })).id).toBe(7);
    expect((await things().doc(id).get()).data).toEqual([{ _id: id, v: 1 }]);
    expect((await things().doc(id).update({ v: 3 })).updated).toBe(1);
    expect((await things().where({ _id: 7 }).get()).data).toEqual([{ _id: 7, v: 2 }]);
    // A number and the string of its digits are different ids.
    expect((await things().doc(String(id)).get()).data).toEqual([]);
    await expect(things().add({ _id: id })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    expect((await things().doc(id).remove()).deleted).toBe(1);
    expect((await things().count()).total).toBe(1);
  });

  it('inside a transaction: add with a numeric _id, then remove it by doc(number)', async () => {
    const id = Date.now();
    await h.db.runTransaction(async (t: Txn) => {
      const added = await t.collection('things').add({ _id: id, v: 1 });
      expect(added).toMatchObject({ id, inserted: 1 });
      expect((await t.collection('things').doc(id).get()).data).toEqual({ _id: id, v: 1 });
      expect((await t.collection('things').doc(id).remove()).deleted).toBe(1);
    });
    expect((await things().count()).total).toBe(0);
  });
});

describe('ObjectId values', () => {
  it('an ObjectId _id is answered as its hex string, and found again by db.ObjectId', async () => {
    const res = await things().add({ _id: h.db.ObjectId({ id: HEX }), name: 'oid' });
    expect(res.id).toBe(HEX);
    const { data } = await things()
      .where({ _id: h.db.ObjectId({ id: HEX }) })
      .get();
    expect(data).toEqual([{ _id: HEX, name: 'oid' }]);
    // An ObjectId is not the string of its hex.
    expect((await things().doc(HEX).get()).data).toEqual([]);
  });

  it('an ObjectId field matches only an ObjectId, and $lookup joins on ObjectIds', async () => {
    await things().add([{ a: h.db.ObjectId({ id: HEX }) }, { a: HEX }]);
    const { data } = await things()
      .where({ a: h.db.ObjectId({ id: HEX }) })
      .get();
    expect(data.map((d: { a: unknown }) => d.a)).toEqual([HEX]);
    expect((await things().where({ a: HEX }).count()).total).toBe(1);

    await h.db.collection('people').add({ _id: h.db.ObjectId({ id: OTHER_HEX }), inviter: h.db.ObjectId({ id: HEX }) });
    await things().add({ _id: h.db.ObjectId({ id: HEX }), name: 'inviter' });
    const joined = await h.db
      .collection('people')
      .aggregate()
      .lookup({ from: 'things', localField: 'inviter', foreignField: '_id', as: 'by' })
      .end();
    expect(joined.data).toEqual([{ _id: OTHER_HEX, inviter: HEX, by: [{ _id: HEX, name: 'inviter' }] }]);
  });

  it('a malformed $oid is refused', async () => {
    await expect(things().add({ a: h.db.ObjectId({ id: 'nope' }) })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
  });
});

describe('ids across a restart', () => {
  it('numeric and ObjectId ids and values load back as themselves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-ids-'));
    try {
      const first = await startDb({ things: [] }, dir);
      await first.db.collection('things').add([
        { _id: 42, v: 1 },
        { _id: first.db.ObjectId({ id: HEX }), ref: first.db.ObjectId({ id: OTHER_HEX }) },
      ]);
      await first.emu.stop();
      const second = await startDb({ things: [] }, dir);
      const coll = second.db.collection('things');
      expect((await coll.doc(42).get()).data).toEqual([{ _id: 42, v: 1 }]);
      expect((await coll.where({ ref: second.db.ObjectId({ id: OTHER_HEX }) }).get()).data).toEqual([
        { _id: HEX, ref: OTHER_HEX },
      ]);
      await second.emu.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
