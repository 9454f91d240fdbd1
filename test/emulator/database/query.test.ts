import { type DbHarness, startDb } from './setup';

let h: DbHarness;
const ids = async (q: { get(): Promise<{ data: { _id: string }[] }> }) => (await q.get()).data.map((d) => d._id).sort();

beforeAll(async () => {
  h = await startDb({ items: [{ name: 'by_kind', keys: { kind: 1 } }], mixed: [] });
  await h.db.collection('mixed').add([
    { _id: 'numbers', tags: [1, 2, 3, 4, 5, 6, 7, 8, 9], n: 7 },
    { _id: 'embedded', tags: [{ value: 1 }, { value: 7 }], n: 2.5 },
    { _id: 'strings', tags: ['Go', 'C#'], n: '7' },
    { _id: 'scalar', tags: 5, n: null, at: new Date('2026-01-01T00:00:00Z') },
  ]);
  await h.db.collection('items').add([
    {
      _id: 'a',
      n: 1,
      kind: 'x',
      tags: ['red', 'big'],
      owner: { name: 'bob', age: 30 },
      title: 'Hello world',
      at: new Date('2026-01-01T00:00:00Z'),
      list: [{ k: 1 }, { k: 5 }],
    },
    {
      _id: 'b',
      n: 2,
      kind: 'y',
      tags: ['red'],
      owner: { name: 'amy', age: 20 },
      title: 'hello there',
      at: new Date('2026-02-01T00:00:00Z'),
      list: [{ k: 2 }],
    },
    { _id: 'c', n: 3, kind: 'x', tags: [], owner: { name: 'cat', age: 40 }, title: 'Goodbye', maybe: null, list: [] },
    {
      _id: 'd',
      n: 4,
      kind: 'z',
      owner: { name: 'dan', age: 50 },
      title: 'WORLD',
      at: new Date('2026-03-01T00:00:00Z'),
    },
  ]);
});
afterAll(() => h.emu.stop());

describe('where: every query command', () => {
  const _ = () => h.db.command;
  const w = (f: object) => h.db.collection('items').where(f);

  it.each([
    ['equality', () => ({ kind: 'x' }), ['a', 'c']],
    ['eq / neq', () => ({ n: _().eq(2) }), ['b']],
    ['neq', () => ({ kind: _().neq('x') }), ['b', 'd']],
    ['gt / gte / lt / lte', () => ({ n: _().gt(1).and(_().lte(3)) }), ['b', 'c']],
    ['lt', () => ({ n: _().lt(2) }), ['a']],
    ['gte', () => ({ n: _().gte(4) }), ['d']],
    ['in', () => ({ kind: _().in(['y', 'z']) }), ['b', 'd']],
    ['nin', () => ({ kind: _().nin(['x']) }), ['b', 'd']],
    ['or on a field', () => ({ n: _().eq(1).or(_().eq(4)) }), ['a', 'd']],
    ['top-level and', () => _().and([{ kind: 'x' }, { n: _().gt(1) }]), ['c']],
    ['top-level or', () => _().or([{ kind: 'y' }, { n: 4 }]), ['b', 'd']],
    ['nor', () => _().nor([{ kind: 'x' }, { kind: 'y' }]), ['d']],
    ['not', () => ({ n: _().not(_().eq(3)) }), ['a', 'b', 'd']],
    ['exists true', () => ({ at: _().exists(true) }), ['a', 'b', 'd']],
    ['exists false', () => ({ tags: _().exists(false) }), ['d']],
    ['null matches null and missing', () => ({ maybe: null }), ['a', 'b', 'c', 'd']],
    ['size', () => ({ tags: _().size(1) }), ['b']],
    ['all', () => ({ tags: _().all(['red', 'big']) }), ['a']],
    ['array contains', () => ({ tags: 'red' }), ['a', 'b']],
    ['elemMatch', () => ({ list: _().elemMatch({ k: _().gt(3) }) }), ['a']],
    ['nested object equality is dot-flattened', () => ({ owner: { name: 'amy' } }), ['b']],
    ['dotted path', () => ({ 'owner.age': _().gte(40) }), ['c', 'd']],
    ['db.RegExp, case-insensitive', () => ({ title: h.db.RegExp({ regexp: '^hello', options: 'i' }) }), ['a', 'b']],
    ['JS RegExp with g flag', () => ({ title: /world/gi }), ['a', 'd']],
    ['dates compare', () => ({ at: _().gte(new Date('2026-02-01T00:00:00Z')) }), ['b', 'd']],
    // The SDK's typings declare mod() without arguments.
    ['mod', () => ({ n: (_() as unknown as { mod(d: number, r: number): unknown }).mod(2, 0) }), ['b', 'd']],
  ])('%s', async (_name, filter, expected) => {
    expect(await ids(w(filter()))).toEqual(expected);
  });

  it('count matches get', async () => {
    expect((await w({ kind: 'x' }).count()).total).toBe(2);
    expect((await h.db.collection('items').count()).total).toBe(4);
  });

  it('an unknown operator sent raw is refused', async () => {
    await expect(
      h.db
        .collection('items')
        .options({ raw: true })
        .where({ n: { $foo: 1 } })
        .get(),
    ).rejects.toMatchObject({
      code: 'DATABASE_INVALID_OPERRATOR',
    });
  });
});

describe('MongoDB semantics where a matcher library could differ', () => {
  const _ = () => h.db.command;
  const w = (f: object) => ids(h.db.collection('mixed').where(f));
  const raw = (f: object) => ids(h.db.collection('mixed').options({ raw: true }).where(f));
  type Mod = { mod(d: number, r: number): unknown; mod(pair: number[]): unknown };

  it.each([
    [
      'elemMatch with a field condition skips elements that are not documents: exists',
      () => ({ tags: _().elemMatch({ value: _().exists(true) }) }),
      ['embedded'],
    ],
    ['… gt', () => ({ tags: _().elemMatch({ value: _().gt(0) }) }), ['embedded']],
    ['… mod([4, 3])', () => ({ tags: _().elemMatch({ value: (_() as unknown as Mod).mod([4, 3]) }) }), ['embedded']],
    [
      '… mod(4, 3) (the mini-program form)',
      () => ({ tags: _().elemMatch({ value: (_() as unknown as Mod).mod(4, 3) }) }),
      ['embedded'],
    ],
    [
      'elemMatch with operators only tests the elements themselves',
      () => ({ tags: _().elemMatch(_().gt(8)) }),
      ['numbers'],
    ],
  ])('%s', async (_name, filter, expected) => {
    expect(await w(filter())).toEqual(expected);
  });

  it.each([
    ['$type matches an array whose elements have the type', { tags: { $type: 'number' } }, ['numbers', 'scalar']],
    ['$type tells int and double apart', { n: { $type: 'double' } }, ['embedded']],
    ['$type by number (2: string)', { n: { $type: 2 } }, ['strings']],
    ['$mod matches numbers only, not strings or null', { n: { $mod: [7, 0] } }, ['numbers']],
    ['$all of one value matches a scalar equal to it', { tags: { $all: [5] } }, ['numbers', 'scalar']],
    [
      '$lte null matches null and missing, as $eq null does',
      { at: { $lte: null } },
      ['embedded', 'numbers', 'strings'],
    ],
  ])('%s', async (_name, filter, expected) => {
    expect(await raw(filter)).toEqual(expected);
  });

  it('$jsonSchema is validated as MongoDB does (bsonType, required, nested properties), also under nor', async () => {
    const schema = { required: ['tags'], properties: { n: { bsonType: ['int', 'double'], minimum: 2.5 } } };
    expect(await w(_().jsonSchema(schema))).toEqual(['embedded', 'numbers']);
    expect(await w(_().nor([_().jsonSchema(schema)]))).toEqual(['scalar', 'strings']);
    expect(await w(_().jsonSchema({ properties: { at: { bsonType: 'date' } }, required: ['at'] }))).toEqual(['scalar']);
    expect(
      await w(
        _().jsonSchema({ properties: { n: { maximum: 7, exclusiveMaximum: true, type: 'number' } }, required: ['n'] }),
      ),
    ).toEqual(['embedded']);
  });

  it('$jsonSchema keywords MongoDB does not support are refused, not ignored', async () => {
    await expect(w(_().jsonSchema({ properties: { n: { format: 'email' } } }))).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining("'format'"),
    });
  });
});

describe('orderBy, skip, limit', () => {
  it('orders by several fields in the given priority', async () => {
    const { data } = await h.db.collection('items').orderBy('kind', 'asc').orderBy('n', 'desc').get();
    expect(data.map((d: { _id: string }) => d._id)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('skip and limit page through a stable order', async () => {
    const page = async (skip: number) =>
      (await h.db.collection('items').orderBy('n', 'asc').skip(skip).limit(2).get()).data.map(
        (d: { _id: string }) => d._id,
      );
    expect([await page(0), await page(2), await page(4)]).toEqual([['a', 'b'], ['c', 'd'], []]);
  });
});

describe('limits', () => {
  let big: DbHarness;
  beforeAll(async () => {
    big = await startDb({ many: [] });
    await big.db.collection('many').add(Array.from({ length: 1001 }, (_, i) => ({ i })));
  });
  afterAll(() => big.emu.stop());

  it('one add of 1001 documents works', async () => {
    expect((await big.db.collection('many').count()).total).toBe(1001);
  });

  it('without limit a query returns 100; limit(1000) and limit(5000) return 1000', async () => {
    expect((await big.db.collection('many').get()).data).toHaveLength(100);
    expect((await big.db.collection('many').limit(1000).get()).data).toHaveLength(1000);
    expect((await big.db.collection('many').limit(5000).get()).data).toHaveLength(1000);
  });
});
