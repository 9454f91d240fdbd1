import { type DbHarness, startDb } from './setup';

let h: DbHarness;

beforeAll(async () => {
  h = await startDb({ orders: [], users: [] });
  await h.db.collection('users').add([
    { _id: 'u1', name: '张三' },
    { _id: 'u2', name: '李四' },
  ]);
  await h.db.collection('orders').add([
    { _id: 'o1', user: 'u1', amount: 10, items: ['a', 'b'], at: new Date('2026-01-01T00:00:00Z') },
    { _id: 'o2', user: 'u1', amount: 5, items: ['c'], at: new Date('2026-01-02T00:00:00Z') },
    { _id: 'o3', user: 'u2', amount: 7, items: [], at: new Date('2026-01-03T00:00:00Z') },
  ]);
});
afterAll(() => h.emu.stop());

const agg = () => h.db.collection('orders').aggregate();

describe('aggregate', () => {
  it('match + group with the usual accumulators + sort', async () => {
    const $ = h.db.command.aggregate;
    const { data: list } = await agg()
      .match({ amount: h.db.command.gt(1) })
      .group({
        _id: '$user',
        total: $.sum('$amount'),
        n: $.sum(1),
        avg: $.avg('$amount'),
        max: $.max('$amount'),
        min: $.min('$amount'),
        first: $.first('$_id'),
        ids: $.push('$_id'),
        set: $.addToSet('$user'),
      })
      .sort({ total: -1 })
      .end();
    expect(list).toEqual([
      { _id: 'u1', total: 15, n: 2, avg: 7.5, max: 10, min: 5, first: 'o1', ids: ['o1', 'o2'], set: ['u1'] },
      { _id: 'u2', total: 7, n: 1, avg: 7, max: 7, min: 7, first: 'o3', ids: ['o3'], set: ['u2'] },
    ]);
  });

  it('project, addFields, skip, limit', async () => {
    const { data: list } = await agg()
      .sort({ amount: 1 })
      .addFields({ double: h.db.command.aggregate.multiply(['$amount', 2]) })
      .project({ _id: 1, double: 1 })
      .skip(1)
      .limit(1)
      .end();
    expect(list).toEqual([{ _id: 'o3', double: 14 }]);
  });

  it('answers at most 20 rows without a $limit, as CloudBase does, and as many as a $limit asks', async () => {
    const many = h.db.collection('many');
    await h.db.createCollection('many');
    await many.add(Array.from({ length: 30 }, (_, i) => ({ _id: `m${String(i).padStart(2, '0')}`, g: i })));
    const grouped = () => many.aggregate().group({ _id: '$g' }).sort({ _id: 1 });
    expect((await grouped().end()).data).toHaveLength(20);
    expect((await grouped().limit(25).end()).data).toHaveLength(25);
    expect((await grouped().limit(1000).end()).data).toHaveLength(30);
  });

  it('count', async () => {
    expect((await agg().match({ user: 'u1' }).count('n').end()).data).toEqual([{ n: 2 }]);
  });

  it('unwind', async () => {
    const { data: list } = await agg().unwind('$items').project({ items: 1 }).end();
    expect(list.map((d: { items: string }) => d.items)).toEqual(['a', 'b', 'c']);
  });

  it('lookup joins another collection', async () => {
    const { data: list } = await agg()
      .match({ _id: 'o3' })
      .lookup({ from: 'users', localField: 'user', foreignField: '_id', as: 'who' })
      .end();
    expect(list[0].who).toEqual([{ _id: 'u2', name: '李四' }]);
  });

  it('dates survive a pipeline', async () => {
    const { data: list } = await agg()
      .match({ at: h.db.command.gte(new Date('2026-01-02T00:00:00Z')) })
      .project({ at: 1 })
      .end();
    expect(list.map((d: { at: Date }) => d.at.toISOString())).toEqual([
      '2026-01-02T00:00:00.000Z',
      '2026-01-03T00:00:00.000Z',
    ]);
  });

  it('lookup from a collection that does not exist fails like any use of it', async () => {
    await expect(
      agg().lookup({ from: 'nope', localField: 'user', foreignField: '_id', as: 'x' }).end(),
    ).rejects.toMatchObject({
      code: 'DATABASE_COLLECTION_NOT_EXIST',
    });
  });
});
