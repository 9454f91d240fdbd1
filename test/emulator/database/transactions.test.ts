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

  it('a transaction that only read a document commits after an outside write', async () => {
    const t = await h.db.startTransaction();
    await t.collection('accounts').doc('a').get();
    await accounts().doc('a').update({ balance: 50 });
    await t.collection('accounts').doc('b').update({ balance: 0 });
    await t.commit();
    expect([await balance('a'), await balance('b')]).toEqual([50, 0]);
  });

  it('inside runTransaction, a document only read and changed outside does not make the attempt conflict', async () => {
    let attempts = 0;
    await h.db.runTransaction(async (t: Txn) => {
      attempts++;
      await t.collection('accounts').doc('a').get();
      await accounts()
        .doc('a')
        .update({ balance: 100 + attempts });
      await t.collection('accounts').doc('b').update({ balance: 1 });
    });
    expect(attempts).toBe(1);
    expect([await balance('a'), await balance('b')]).toEqual([101, 1]);
  });

  it('reads return the snapshot the transaction started from, not later commits', async () => {
    const t = await h.db.startTransaction();
    expect((await t.collection('accounts').doc('a').get()).data.balance).toBe(100);
    await accounts().doc('a').update({ balance: 1 });
    await accounts().doc('b').remove();
    await accounts().add({ _id: 'late', balance: 7 });
    expect((await t.collection('accounts').doc('a').get()).data.balance).toBe(100);
    expect((await t.collection('accounts').doc('b').get()).data).toMatchObject({ _id: 'b', balance: 100 });
    expect((await t.collection('accounts').doc('late').get()).data).toBeNull();
    const seen = (
      await t
        .collection('accounts')
        .where({ balance: h.db.command.gte(0) })
        .get()
    ).data;
    expect(seen.map((d: { _id: string; balance: number }) => [d._id, d.balance]).sort()).toEqual([
      ['a', 100],
      ['b', 100],
      ['c', 100],
    ]);
    await t.rollback(undefined);
  });

  it('the snapshot is taken at the first operation, as MongoDB does, not at startTransaction', async () => {
    const t = await h.db.startTransaction();
    await accounts().doc('a').update({ balance: 5 });
    expect((await t.collection('accounts').doc('a').get()).data.balance).toBe(5);
    await t.commit();
  });

  it('writing a document another open transaction wrote conflicts at once; the other commits', async () => {
    const t1 = await h.db.startTransaction();
    const t2 = await h.db.startTransaction();
    await t1.collection('accounts').doc('a').get();
    await t2.collection('accounts').doc('a').update({ balance: 1 });
    await expect(t1.collection('accounts').doc('a').update({ balance: 2 })).rejects.toMatchObject({
      code: 'DATABASE_TRANSACTION_CONFLICT',
      message:
        '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
    });
    // The conflict ended t1, as MongoDB aborts a transaction on a write conflict.
    await expect(t1.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    await t2.commit();
    expect(await balance('a')).toBe(1);
  });

  it('writing a document committed by someone else after the snapshot conflicts at that write', async () => {
    const t = await h.db.startTransaction();
    await t.collection('accounts').doc('a').get();
    await accounts().doc('a').update({ balance: 50 });
    await expect(t.collection('accounts').doc('a').update({ balance: 0 })).rejects.toMatchObject({
      code: 'DATABASE_TRANSACTION_CONFLICT',
    });
    expect(await balance('a')).toBe(50);
  });

  it('two transactions reading each other’s document and writing their own both commit (snapshot isolation)', async () => {
    const t1 = await h.db.startTransaction();
    const t2 = await h.db.startTransaction();
    const a = (await t1.collection('accounts').doc('a').get()).data.balance as number;
    const b = (await t2.collection('accounts').doc('b').get()).data.balance as number;
    await t1
      .collection('accounts')
      .doc('b')
      .update({ balance: a + 1 });
    await t2
      .collection('accounts')
      .doc('a')
      .update({ balance: b + 2 });
    await t1.commit();
    await t2.commit();
    expect([await balance('a'), await balance('b')]).toEqual([102, 101]);
  });

  it('a write outside any transaction waits for the transaction holding the document, then applies', async () => {
    const t = await h.db.startTransaction();
    await t.collection('accounts').doc('a').update({ balance: 1 });
    let landed = false;
    const outside = accounts()
      .doc('a')
      .update({ note: 'outside' })
      .then(() => (landed = true));
    // The transaction still reads and commits; only then may the outside write apply.
    expect((await t.collection('accounts').doc('a').get()).data.balance).toBe(1);
    expect(landed).toBe(false);
    await t.commit();
    await outside;
    expect((await accounts().doc('a').get()).data[0]).toMatchObject({ balance: 1, note: 'outside' });
  });

  it('two transactions inserting the same _id: the second conflicts, and its retry sees the first', async () => {
    const t1 = await h.db.startTransaction();
    const t2 = await h.db.startTransaction();
    await t1.collection('accounts').add({ _id: 'new', balance: 1 });
    await expect(t2.collection('accounts').add({ _id: 'new', balance: 2 })).rejects.toMatchObject({
      code: 'DATABASE_TRANSACTION_CONFLICT',
    });
    await t1.commit();
    await expect(
      h.db.runTransaction(async (t: Txn) => {
        await t.collection('accounts').add({ _id: 'new', balance: 2 });
      }),
    ).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    expect(await balance('new')).toBe(1);
  });

  it('updateAndReturn is part of the transaction; where().update() is not (SDK 3.18 sends no transaction id for it)', async () => {
    const t = await h.db.startTransaction();
    const _ = h.db.command;
    const returned = await t
      .collection('accounts')
      .where({ _id: 'a' })
      .updateAndReturn({ balance: _.inc(10) });
    expect(returned).toMatchObject({ updated: 1, doc: { balance: 110 } });
    expect(await balance('a')).toBe(100);
    const raw = t.collection('accounts').options({ raw: true });
    expect((await raw.where({ _id: 'b' }).update({ $inc: { balance: 1 } })).updated).toBe(1);
    expect(await balance('b')).toBe(101);
    await t.commit();
    expect(await balance('a')).toBe(110);
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

  it('a unique index violation inside a transaction fails it, and nothing of it is applied', async () => {
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

  it('after commit or rollback the transaction is gone, in CloudBase’s words', async () => {
    const gone = {
      code: 'DATABASE_TRANSACTION_FAIL',
      message:
        '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
    };
    const t = await h.db.startTransaction();
    await t.rollback(undefined);
    await expect(t.commit()).rejects.toMatchObject(gone);
    const u = await h.db.startTransaction();
    await u.commit();
    await expect(u.collection('accounts').doc('a').set({ balance: 0 })).rejects.toMatchObject(gone);
  });

  it('two transactions taking the same unique key: the second conflicts at its write', async () => {
    const t1 = await h.db.startTransaction();
    const t2 = await h.db.startTransaction();
    await t1.collection('ledger').add({ key: 'k' });
    await expect(t2.collection('ledger').add({ key: 'k' })).rejects.toMatchObject({
      code: 'DATABASE_TRANSACTION_CONFLICT',
    });
    await t1.commit();
    expect((await h.db.collection('ledger').count()).total).toBe(1);
  });
});

describe('transaction lifetime', () => {
  let short: DbHarness;
  beforeAll(async () => {
    short = await startDb({ accounts: [] }, null, { transactionLifetimeMs: 300 });
  });
  afterAll(() => short.emu.stop());

  it('a transaction not ended in its lifetime is aborted: its writes are dropped and who waited proceeds', async () => {
    await short.db.collection('accounts').add({ _id: 'a', balance: 100 });
    const t = await short.db.startTransaction();
    await t.collection('accounts').doc('a').update({ balance: 0 });
    // This write waits for the transaction holding 'a'; it proceeds when the transaction expires.
    await short.db.collection('accounts').doc('a').update({ note: 'after expiry' });
    await expect(t.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    expect((await short.db.collection('accounts').doc('a').get()).data[0]).toMatchObject({
      balance: 100,
      note: 'after expiry',
    });
  });
});
