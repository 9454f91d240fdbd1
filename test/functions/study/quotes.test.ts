import { snapshotDb } from '../../support/db-snapshot';
import ExcelJS from 'exceljs';
import type { Page } from '../../../typings/common';
import type { CheckInStatus, DailyQuote, QuoteHistoryItem, StudyStats } from '../../../typings/study';
import type { MyProfile } from '../../../typings/user';
import { makeAdmin, type OrgFixture, registerWorker, seedOrgs } from '../../support/fixtures';
import { type FunctionsHarness, startFunctions, SUPERADMIN } from '../../support/functions';
import { sdkFor } from '../../support/sdk';

let h: FunctionsHarness;
let orgs: OrgFixture;
let quoteIds: string[];

// Beijing is UTC+8: 15:59 UTC is 23:59 in Beijing; 16:00 UTC is the next Beijing day.
const LATE_28 = '2026-11-28T15:59:00Z';
const EARLY_29 = '2026-11-28T16:01:00Z';

type Today = DailyQuote & { checkIn: CheckInStatus | null };
type CheckIn = CheckInStatus & { pointsAwarded: number; alreadyDone: boolean };

beforeAll(async () => {
  h = await startFunctions();
});
afterAll(() => h.stop());
beforeEach(async () => {
  await h.resetDb();
  orgs = await seedOrgs(h);
  quoteIds = [];
  for (let i = 0; i < 12; i++) {
    const q = await h.as(SUPERADMIN).ok<{ id: string }>('study', 'saveQuote', {
      text: `金句第${i + 1}条`,
      source: '测试出处',
      orgId: orgs.district.id,
    });
    quoteIds.push(q.id);
  }
  await registerWorker(h, 'o-a', orgs.expressBranch.id);
  await registerWorker(h, 'o-b', orgs.foodBranch.id, { phone: '13900002222' });
});

describe("today's quote", () => {
  it('two workers get the same quote on the same Beijing day, even after the pool changes', async () => {
    const a = await h.as('o-a').at(LATE_28).ok<Today>('study', 'todayQuote');
    await h.as(SUPERADMIN).ok('study', 'saveQuote', { text: '新加的金句', source: '测试', orgId: orgs.district.id });
    const b = await h.as('o-b').at(LATE_28).ok<Today>('study', 'todayQuote');
    expect(a.day).toBe('2026-11-28');
    expect(b.quote).toEqual(a.quote);
  });

  it('the day flips at 00:00 Beijing time, not UTC', async () => {
    const before = await h.as('o-a').at(LATE_28).ok<Today>('study', 'todayQuote');
    const after = await h.as('o-a').at(EARLY_29).ok<Today>('study', 'todayQuote');
    expect([before.day, after.day]).toEqual(['2026-11-28', '2026-11-29']);
  });

  it('a scheduled quote wins over the pool; visitors without an account see it too', async () => {
    await h
      .as(SUPERADMIN)
      .at('2026-11-20T00:00:00Z')
      .ok('study', 'scheduleQuote', { day: '2026-11-28', quoteId: quoteIds[7] });
    const t = await h.as('o-visitor').at(LATE_28).ok<Today>('study', 'todayQuote');
    expect(t).toMatchObject({ quote: { id: quoteIds[7], text: '金句第8条' }, checkIn: null });
  });

  it("deleting today's quote replaces it for everyone the same day", async () => {
    const before = await h.as('o-a').at(LATE_28).ok<Today>('study', 'todayQuote');
    await h.as(SUPERADMIN).at(LATE_28).ok('study', 'deleteQuote', { id: before.quote.id });
    const a = await h.as('o-a').at(LATE_28).ok<Today>('study', 'todayQuote');
    const b = await h.as('o-b').at(LATE_28).ok<Today>('study', 'todayQuote');
    expect(a.quote.id).not.toBe(before.quote.id);
    expect(b.quote).toEqual(a.quote);
  });

  it.each(['2099-99-99', '2026-02-30', '2026-13-01'])(
    'scheduling a day that does not exist (%s) is refused and writes nothing',
    async (day) => {
      const storage = async () => (await fetch(`${h.emu.url}/_emulator/storage`)).text();
      const [before, filesBefore] = [await snapshotDb(h.emu), await storage()];
      expect(await h.as(SUPERADMIN).call('study', 'scheduleQuote', { day, quoteId: quoteIds[0] })).toMatchObject({
        ok: false,
        code: 'INVALID_ARGUMENT',
        message: '输入有误「日期」：不是有效的日期',
      });
      expect(await h.as('o-a').call('study', 'quotePosterCode', { day })).toMatchObject({ code: 'INVALID_ARGUMENT' });
      expect(await snapshotDb(h.emu)).toBe(before);
      expect(await storage()).toBe(filesBefore);
    },
  );

  it('scheduling a past day is refused', async () => {
    expect(
      await h.as(SUPERADMIN).at(EARLY_29).call('study', 'scheduleQuote', { day: '2026-11-28', quoteId: quoteIds[0] }),
    ).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});

describe('sharing', () => {
  it('a quote poster code is a real PNG in storage', async () => {
    const { fileId } = await h.as('o-a').ok<{ fileId: string }>('study', 'quotePosterCode', { day: '2026-11-28' });
    const { fileContent } = await sdkFor(h.emu).downloadFile({ fileID: fileId });
    expect((fileContent as Buffer).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });
});

describe('check-in', () => {
  it('10 concurrent check-ins by one worker make one record and one points award', async () => {
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => h.as('o-a').at(LATE_28).ok<CheckIn>('study', 'checkIn')),
    );
    expect(replies.filter((r) => !r.alreadyDone)).toHaveLength(1);
    expect(replies.reduce((s, r) => s + r.pointsAwarded, 0)).toBe(1);
    expect((await h.db.collection('quote_checkins').count()).total).toBe(1);
    expect((await h.db.collection('points_ledger').count()).total).toBe(1);
    const me = await h.as('o-a').ok<MyProfile>('user', 'getProfile');
    expect(me.points).toEqual({ balance: 1, earned: 1, spent: 0 });
  });

  it('streaks count consecutive Beijing days and restart after a missed day', async () => {
    const a = h.as('o-a');
    expect(await a.at('2026-11-26T02:00:00Z').ok<CheckIn>('study', 'checkIn')).toMatchObject({
      streak: 1,
      totalDays: 1,
    });
    expect(await a.at('2026-11-27T15:30:00Z').ok<CheckIn>('study', 'checkIn')).toMatchObject({
      streak: 2,
      totalDays: 2,
    });
    expect(await a.at(EARLY_29).ok<Today>('study', 'todayQuote')).toMatchObject({
      checkIn: { streak: 0, checkedInToday: false },
    });
    expect(await a.at(EARLY_29).ok<CheckIn>('study', 'checkIn')).toMatchObject({
      streak: 1,
      totalDays: 3,
      day: '2026-11-29',
    });
  });

  it('history lists past days newest first with my check-ins and favorites', async () => {
    const a = h.as('o-a');
    await a.at('2026-11-27T02:00:00Z').ok('study', 'checkIn');
    const today = await a.at(LATE_28).ok<Today>('study', 'todayQuote');
    await a.ok('study', 'favoriteQuote', { quoteId: today.quote.id, favorite: true });
    const page = await a.at(LATE_28).ok<Page<QuoteHistoryItem>>('study', 'listQuotes', { pageSize: 10 });
    expect(page.items.map((i) => [i.day, i.checkedIn])).toEqual([
      ['2026-11-28', false],
      ['2026-11-27', true],
    ]);
    expect(page.items[0]!.favorite).toBe(true);
    const favs = await a.ok<Page<{ id: string }>>('study', 'listFavorites');
    expect(favs.items.map((q) => q.id)).toEqual([today.quote.id]);
  });

  it('statistics of a month count every day checked in, past the 20 rows CloudBase answers an aggregate by default', async () => {
    const days = Array.from({ length: 25 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);
    for (const day of days) await h.as('o-a').at(`${day}T02:00:00Z`).ok('study', 'checkIn');
    await h.as('o-b').at('2026-11-03T02:00:00Z').ok('study', 'checkIn');
    const stats = await h
      .as(SUPERADMIN)
      .ok<StudyStats>('study', 'studyStats', { from: '2026-11-01', to: '2026-11-30' });
    expect(stats.checkinsByDay.map((d) => d.day)).toEqual(days);
    expect(stats.checkinsByDay.reduce((n, d) => n + d.checkins, 0)).toBe(26);
  });

  it('a visitor who never logged in cannot check in', async () => {
    expect(await h.as('o-nobody').call('study', 'checkIn')).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('import', () => {
  async function upload(name: string, content: Buffer): Promise<string> {
    const { fileID } = await sdkFor(h.emu).uploadFile({ cloudPath: `imports/${name}`, fileContent: content });
    return fileID;
  }

  async function xlsx(rows: (string | Date)[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('金句');
    rows.forEach((r) => ws.addRow(r));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  beforeEach(async () => {
    await makeAdmin(h, 'o-district-admin', [orgs.district.id]);
  });

  it('a file with bad rows imports nothing and names every bad row', async () => {
    const fileId = await upload(
      'bad.xlsx',
      await xlsx([
        ['内容', '出处', '日期'],
        ['学而时习之，不亦说乎？', '《论语·学而》', ''],
        ['', '《礼记》', ''],
        ['温故而知新，可以为师矣。', '《论语·为政》', '明天'],
        ['敏于事而慎于言。', '', ''],
      ]),
    );
    const before = (await h.db.collection('quotes').count()).total;
    const r = await h
      .as('o-district-admin')
      .ok<{ imported: number; errors: { row: number }[] }>('office', 'importQuotes', {
        fileId,
        orgId: orgs.district.id,
      });
    expect(r.imported).toBe(0);
    expect(r.errors.map((e) => e.row)).toEqual([3, 4, 5]);
    expect((await h.db.collection('quotes').count()).total).toBe(before);
  });

  it('a good CSV imports every row and schedules the dated ones', async () => {
    const csv =
      '\uFEFF内容,出处,日期\n学而时习之，不亦说乎？,《论语·学而》,2099-01-01\n温故而知新，可以为师矣。,《论语·为政》,\n';
    const fileId = await upload('good.csv', Buffer.from(csv));
    const r = await h.as('o-district-admin').ok('office', 'importQuotes', { fileId, orgId: orgs.district.id });
    expect(r).toEqual({ imported: 2, scheduled: 1 });
    const scheduled = (await h.db.collection('quote_schedule').doc('2099-01-01').get()).data[0];
    const q = (await h.db.collection('quotes').doc(scheduled.quoteId).get()).data[0];
    expect(q).toMatchObject({ text: '学而时习之，不亦说乎？', source: '《论语·学而》' });
  });

  it('dated CSV rows keep their day when the server runs on Beijing time', async () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const fileId = await upload(
        'dated.csv',
        Buffer.from('内容,出处,日期\n海纳百川，有容乃大。,示例出处,2099-12-01\n'),
      );
      await h.as('o-district-admin').ok('office', 'importQuotes', { fileId, orgId: orgs.district.id });
      expect((await h.db.collection('quote_schedule').doc('2099-12-01').get()).data).toHaveLength(1);
      expect((await h.db.collection('quote_schedule').doc('2099-11-30').get()).data).toHaveLength(0);
    } finally {
      process.env.TZ = tz;
    }
  });

  it('a file that is not a spreadsheet is refused', async () => {
    const fileId = await upload('notes.txt', Buffer.from('hello'));
    expect(
      await h.as('o-district-admin').call('office', 'importQuotes', { fileId, orgId: orgs.district.id }),
    ).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});
