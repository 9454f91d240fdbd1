import { type DbHarness, startDb } from './setup';

let h: DbHarness;
const coll = () => h.db.collection('docs');
const _ = () => h.db.command;
const get = async (id: string) => (await coll().doc(id).get()).data[0];

beforeAll(async () => {
  h = await startDb({ docs: [] });
});
afterAll(() => h.emu.stop());
beforeEach(async () => {
  await h.emu.reset();
  await coll().add({ _id: 'x', n: 10, arr: [1, 2, 3], set: ['a'], obj: { a: 1, b: 2 }, gone: 1, old: 'v' });
});

describe('update commands', () => {
  it.each([
    ['set replaces a sub-object', () => ({ obj: _().set({ c: 3 }) }), { obj: { c: 3 } }],
    ['remove unsets a field', () => ({ gone: _().remove() }), { gone: undefined }],
    ['inc', () => ({ n: _().inc(5) }), { n: 15 }],
    ['inc creates a missing field', () => ({ fresh: _().inc(2) }), { fresh: 2 }],
    ['mul', () => ({ n: _().mul(3) }), { n: 30 }],
    ['min keeps the smaller', () => ({ n: _().min(4) }), { n: 4 }],
    ['max keeps the larger', () => ({ n: _().max(40) }), { n: 40 }],
    ['rename', () => ({ old: _().rename('renamed') }), { old: undefined, renamed: 'v' }],
    ['push one', () => ({ arr: _().push(4) }), { arr: [1, 2, 3, 4] }],
    ['push many at a position', () => ({ arr: _().push({ each: [8, 9], position: 1 }) }), { arr: [1, 8, 9, 2, 3] }],
    ['push with sort and slice', () => ({ arr: _().push({ each: [0], sort: -1, slice: 2 }) }), { arr: [3, 2] }],
    ['unshift', () => ({ arr: _().unshift(0) }), { arr: [0, 1, 2, 3] }],
    ['pop', () => ({ arr: _().pop() }), { arr: [1, 2] }],
    ['shift', () => ({ arr: _().shift() }), { arr: [2, 3] }],
    ['pull a value', () => ({ arr: _().pull(2) }), { arr: [1, 3] }],
    ['pull by condition', () => ({ arr: _().pull(_().gt(1)) }), { arr: [1] }],
    ['pullAll', () => ({ arr: _().pullAll([1, 3]) }), { arr: [2] }],
    ['addToSet one new, one existing', () => ({ set: _().addToSet('b') }), { set: ['a', 'b'] }],
    [
      'addToSet each (SDK sends "each" without $)',
      () => ({ set: _().addToSet({ each: ['a', 'c', 'c'] }) }),
      { set: ['a', 'c'] },
    ],
    ['nested path set', () => ({ 'obj.b': 5 }), { obj: { a: 1, b: 5 } }],
  ])('%s', async (_name, update, expected) => {
    const res = await coll().doc('x').update(update());
    expect(res.updated).toBe(1);
    const doc = await get('x');
    for (const [k, v] of Object.entries(expected)) {
      if (v === undefined) expect(doc).not.toHaveProperty(k);
      else expect(doc[k]).toEqual(v);
    }
  });

  it('serverDate as an update value stores the server time', async () => {
    await coll().doc('x').update({ at: h.db.serverDate() });
    expect(Math.abs((await get('x')).at.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('an update that changes nothing reports updated: 0', async () => {
    expect(
      (
        await coll()
          .doc('x')
          .update({ n: _().max(1) })
      ).updated,
    ).toBe(0);
  });

  it('200 concurrent inc(1) on one document count exactly 200', async () => {
    await Promise.all(
      Array.from({ length: 200 }, () =>
        coll()
          .doc('x')
          .update({ n: _().inc(1) }),
      ),
    );
    expect((await get('x')).n).toBe(210);
  });

  it('a conditional update (where + inc) never overshoots its guard under concurrency', async () => {
    await coll().add({ _id: 'seat', taken: 0 });
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        coll()
          .where({ _id: 'seat', taken: _().lt(5) })
          .update({ taken: _().inc(1) }),
      ),
    );
    expect(results.reduce((s, r) => s + (r.updated as number), 0)).toBe(5);
    expect((await get('seat')).taken).toBe(5);
  });
});

describe('where().update / remove / updateAndReturn', () => {
  beforeEach(async () => {
    await coll().add([
      { _id: 'a', g: 1, v: 0 },
      { _id: 'b', g: 1, v: 0 },
      { _id: 'c', g: 2, v: 0 },
    ]);
  });

  it('where().update updates every match and says how many', async () => {
    expect((await coll().where({ g: 1 }).update({ v: 1 })).updated).toBe(2);
    expect((await coll().where({ v: 1 }).count()).total).toBe(2);
  });

  it('where().remove removes every match', async () => {
    expect((await coll().where({ g: 1 }).remove()).deleted).toBe(2);
    expect((await coll().count()).total).toBe(2);
  });

  it('updateAndReturn returns the updated document', async () => {
    const res = await coll()
      .where({ _id: 'c' })
      .updateAndReturn({ v: _().inc(7) });
    expect(res.updated).toBe(1);
    expect(res.doc).toMatchObject({ _id: 'c', v: 7 });
  });

  it('updateAndReturn of an unchanged value still reports updated: 1, as CloudBase does; no match reports 0', async () => {
    const same = await coll().where({ _id: 'c' }).updateAndReturn({ v: 0 });
    expect(same).toMatchObject({ updated: 1, doc: { _id: 'c', v: 0 } });
    expect(await coll().where({ _id: 'none' }).updateAndReturn({ v: 1 })).toMatchObject({ updated: 0, doc: null });
  });

  it('remove() without where() is refused rather than guessing', async () => {
    await expect(coll().remove()).rejects.toMatchObject({ code: 'EMULATOR_UNSUPPORTED' });
    expect((await coll().count()).total).toBe(4);
  });

  it('changing _id is refused and changes nothing', async () => {
    await expect(
      coll()
        .options({ raw: true })
        .where({ _id: 'a' })
        .update({ $set: { _id: 'z' } }),
    ).rejects.toMatchObject({
      code: 'INVALID_PARAM',
    });
    expect(await get('a')).toBeDefined();
  });
});
