import type { Transaction as Txn } from '@cloudbase/database/dist/commonjs/transaction/index';
import { type DbHarness, startDb } from './setup';

let h: DbHarness;
const accounts = () => h.db.collection('accounts');
const balance = async (id: string) => (await accounts().doc(id).get()).data[0].balance as number;

beforeAll(async () => {
  h = await startDb({ accounts: [], ledger: [{ name: 'uniq_key', keys: { key: 1 }, unique: true }] });
});
afterAll(() => h.emu.stop());
beforeEach(async () => {
  await h.emu.reset();
  await accounts().add([
    { _id: 'a', balance: 100 },
    { _id: 'b', balance: 100 },
    { _id: 'c', balance: 100 },
  ]);
});

async function transfer(from: string, to: string, amount: number) {
  return h.db.runTransaction(async (t: Txn) => {
    const src = (await t.collection('accounts').doc(from).get()).data;
    const dst = (await t.collection('accounts').doc(to).get()).data;
    if (src.balance < amount) await t.rollback('insufficient');
    await t
      .collection('accounts')
      .doc(from)
      .update({ balance: src.balance - amount });
    await t
      .collection('accounts')
      .doc(to)
      .update({ balance: dst.balance + amount });
    return src.balance - amount;
  }, 10);
}

describe('transactions', () => {
  it('runTransaction commits all its writes and returns the callback value', async () => {
    expect(await transfer('a', 'b', 30)).toBe(70);
    expect([await balance('a'), await balance('b')]).toEqual([70, 130]);
  });

  it('rollback undoes everything and rejects with the reason', async () => {
    await expect(transfer('a', 'b', 1000)).rejects.toBe('insufficient');
    expect([await balance('a'), await balance('b')]).toEqual([100, 100]);
  });

  it('an error thrown in the callback aborts the transaction', async () => {
    await expect(
      h.db.runTransaction(async (t: Txn) => {
        await t.collection('accounts').doc('a').update({ balance: 0 });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await balance('a')).toBe(100);
  });

  it('reads inside a transaction see its own writes; others do not until commit', async () => {
    const t = await h.db.startTransaction();
    await t.collection('accounts').doc('a').update({ balance: 1 });
    expect((await t.collection('accounts').doc('a').get()).data.balance).toBe(1);
    expect(await balance('a')).toBe(100);
    await t.commit();
    expect(await balance('a')).toBe(1);
  });

  it('a missing document reads as null; add, set and remove work inside', async () => {
    const t = await h.db.startTransaction();
    expect((await t.collection('accounts').doc('zzz').get()).data).toBeNull();
    await t.collection('accounts').add({ _id: 'd', balance: 5 });
    await t.collection('accounts').doc('e').set({ balance: 6 });
    await t.collection('accounts').doc('c').remove();
    await t.commit();
    expect([await balance('d'), await balance('e')]).toEqual([5, 6]);
    expect((await accounts().doc('c').get()).data).toEqual([]);
  });

  it('startTransaction + rollback discards the writes', async () => {
    const t = await h.db.startTransaction();
    await t.collection('accounts').doc('a').update({ balance: 0 });
    await t.rollback(undefined);
    expect(await balance('a')).toBe(100);
  });

  it('when another write lands after a transaction read, its commit conflicts and nothing is applied', async () => {
    const t = await h.db.startTransaction();
    await t.collection('accounts').doc('a').get();
    await accounts().doc('a').update({ balance: 50 });
    await t.collection('accounts').doc('b').update({ balance: 0 });
    await expect(t.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect([await balance('a'), await balance('b')]).toEqual([50, 100]);
  });

  it('concurrent transfers conserve the total and each one either applies fully or not at all', async () => {
    const pairs = Array.from({ length: 30 }, (_, i) => [['a', 'b', 'c'][i % 3]!, ['b', 'c', 'a'][i % 3]!] as const);
    const results = await Promise.allSettled(pairs.map(([f, t]) => transfer(f, t, 1)));
    const total = (await balance('a')) + (await balance('b')) + (await balance('c'));
    expect(total).toBe(300);
    const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    for (const f of failed) expect(f.reason).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThan(0);
  }, 60_000);

  it('a unique index violation at commit fails the whole transaction', async () => {
    await h.db.collection('ledger').add({ key: 'k1' });
    await expect(
      h.db.runTransaction(async (t: Txn) => {
        await t.collection('accounts').doc('a').update({ balance: 1 });
        await t.collection('ledger').add({ key: 'k1' });
      }),
    ).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    expect(await balance('a')).toBe(100);
    expect((await h.db.collection('ledger').count()).total).toBe(1);
  });

  it('a where() query inside a transaction conflicts when a matching document appears before commit', async () => {
    const t = await h.db.startTransaction();
    const seen = (
      await t
        .collection('accounts')
        .where({ balance: h.db.command.gte(100) })
        .get()
    ).data;
    expect(seen).toHaveLength(3);
    await accounts().add({ _id: 'late', balance: 500 });
    await t.collection('accounts').doc('a').update({ balance: 0 });
    await expect(t.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
  });

  it('an unknown transaction id is refused', async () => {
    const t = await h.db.startTransaction();
    await t.rollback(undefined);
    await expect(t.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
  });
});
