// The dashboard through the built functions: each caller sees exactly the sum of
// their sub-tree's records (computed here from the raw collections), a worker is
// refused, a custom range that cannot be shown is refused with nothing written, the
// recount repairs a corrupted or missing counter and leaves exact ones alone, and
// the spreadsheet has the action's numbers.
import type { DashboardReport } from '../../../typings/dashboard';
import { digestOf } from '../../support/db-snapshot';
import { type FunctionsHarness, startFunctions, SUPERADMIN } from '../../support/functions';
import { rowsOf, workbookAt } from '../../support/workbooks';
import {
  buildDashWorld,
  compare,
  type DashWorld,
  DISTRICT_ADMIN,
  METRIC_ROWS,
  NOW,
  OTHER_ADMIN,
  rawRecords,
  WORKER,
} from './world';

let h: FunctionsHarness;
let w: DashWorld;

beforeAll(async () => {
  h = await startFunctions();
  w = await buildDashWorld(h);
}, 60_000);
afterAll(() => h.stop());

const dashboard = (openid: string, data: object) => h.as(openid).at(NOW).ok<DashboardReport>('user', 'dashboard', data);

async function upkeepAt(at: string) {
  const clock = (now: string | null) =>
    fetch(`${h.emu.url}/_emulator/clock`, { method: 'PUT', body: JSON.stringify({ now }) });
  await clock(at);
  try {
    const res = await fetch(`${h.emu.url}/_emulator/timers/scheduler/every-10-minutes`, { method: 'POST' });
    return ((await res.json()) as { data: { recountStats: unknown } }).data.recountStats;
  } finally {
    await clock(null);
  }
}

describe('each caller sees exactly their sub-tree’s records', () => {
  const cases = [
    ['a superadmin', SUPERADMIN, () => null],
    ['a district admin', DISTRICT_ADMIN, () => [w.orgs.district.id]],
    ['the other district’s admin', OTHER_ADMIN, () => [w.orgs.otherDistrict.id]],
  ] as const;
  it.each(cases)('%s, this week and a custom range', async (_name, openid, roots) => {
    const raw = await rawRecords(h);
    for (const request of [{ period: 'week' }, { period: 'custom', from: '2026-11-16', to: '2026-11-25' }]) {
      const r = await dashboard(openid, request);
      const { expected, actual } = compare(raw, roots(), r);
      expect(actual).toEqual(expected);
    }
  });

  it('the week is Monday to today against last week’s same days; a superadmin and a district admin differ', async () => {
    const all = await dashboard(SUPERADMIN, { period: 'week' });
    const district = await dashboard(DISTRICT_ADMIN, { period: 'week' });
    expect(all.period).toEqual({
      kind: 'week',
      from: '2026-11-23',
      to: '2026-11-25',
      previousFrom: '2026-11-16',
      previousTo: '2026-11-18',
    });
    expect(all.days).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
    expect([all.scopeName, all.orgIds]).toEqual(['全部组织', null]);
    expect(district.scopeName).toBe('示例区委');
    expect(district.orgIds).not.toContain(w.orgs.otherBranch.id);
    expect(all.daily.checkins).not.toEqual(district.daily.checkins);
    const checkins = (r: DashboardReport) => r.headlines.find((x) => x.key === 'checkins')!;
    expect(checkins(all)).toEqual({ key: 'checkins', value: 5, previous: 1, delta: 4, changePct: 400 });
    expect(checkins(district)).toEqual({ key: 'checkins', value: 4, previous: 1, delta: 3, changePct: 300 });
    expect(all.empty).toBe(false);
  });
});

describe('every metric family has records in both districts', () => {
  const families = [...new Set(METRIC_ROWS.map((m) => m.family))];
  it.each(families)(
    '%s: a superadmin’s figures differ from a district admin’s, and neither is empty',
    async (family) => {
      const request = { period: 'custom', from: '2026-11-16', to: '2026-11-25' };
      const rows = METRIC_ROWS.filter((m) => m.family === family);
      const figures = async (openid: string) => {
        const r = await dashboard(openid, request);
        return rows.map((m) => m.actual(r));
      };
      const [all, district, other] = await Promise.all([SUPERADMIN, DISTRICT_ADMIN, OTHER_ADMIN].map(figures));
      expect(all).not.toEqual(district);
      expect(all).not.toEqual(other);
      const nothing = (figure: unknown) => JSON.stringify(figure).replace(/[^1-9]/g, '') === '';
      expect([district, other].map((f) => f.every(nothing))).toEqual([false, false]);
    },
  );
});

describe('refusals', () => {
  it('a worker is refused', async () => {
    const r = await h.as(WORKER).at(NOW).call('user', 'dashboard', { period: 'week' });
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it.each([
    [{ period: 'custom', from: '2026-11-01' }, '开始日期和结束日期'],
    [{ period: 'custom', from: '2026-11-20', to: '2026-11-10' }, '开始日期不能晚于结束日期'],
    [{ period: 'custom', from: '2026-08-01', to: '2026-11-20' }, '最长 92 天'],
    [{ period: 'custom', from: '2026-11-20', to: '2026-11-26' }, '不能晚于今天'],
    [{ period: 'year' }, '统计时段'],
  ])('%j is refused in Chinese and writes nothing', async (data, words) => {
    const before = await digestOf(h.emu);
    for (const [fn, action] of [
      ['user', 'dashboard'],
      ['office', 'exportDashboard'],
    ] as const) {
      const r = await h.as(DISTRICT_ADMIN).at(NOW).call(fn, action, data);
      expect(r).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
      expect(r.ok ? '' : r.message).toContain(words);
    }
    expect(await digestOf(h.emu)).toBe(before);
  });
});

describe('the recount', () => {
  it('repairs a corrupted and a missing counter by their drift, and leaves exact ones alone', async () => {
    const stats = h.db.collection('daily_stats');
    const { data } = await stats.where({ metric: 'checkins' }).limit(100).get();
    const [corrupt, lost] = (data as { _id: string; n: number }[]).sort((a, b) => a._id.localeCompare(b._id));
    await stats.doc(corrupt!._id).update({ n: corrupt!.n + 5 });
    await stats.doc(lost!._id).remove();
    const report = await upkeepAt(NOW);
    expect(report).toMatchObject({ from: '2026-10-16', to: '2027-01-24', unsettled: 0 });
    expect((report as { repaired: unknown[] }).repaired).toEqual(
      expect.arrayContaining([
        { id: corrupt!._id, drift: -5 },
        { id: lost!._id, drift: lost!.n },
      ]),
    );
    expect((report as { repaired: unknown[] }).repaired).toHaveLength(2);
    expect((report as { checked: number }).checked).toBeGreaterThan(2);
    const raw = await rawRecords(h);
    const { expected, actual } = compare(raw, null, await dashboard(SUPERADMIN, { period: 'week' }));
    expect(actual).toEqual(expected);
    expect(await upkeepAt(NOW)).toMatchObject({ repaired: [], unsettled: 0 });
  });
});

describe('the export', () => {
  it('has the action’s numbers', async () => {
    const request = { period: 'custom', from: '2026-11-16', to: '2026-11-25' };
    const r = await dashboard(DISTRICT_ADMIN, request);
    const file = await h.as(DISTRICT_ADMIN).at(NOW).ok<{ url: string }>('office', 'exportDashboard', request);
    const wb = await workbookAt(file.url);
    const [header, ...overview] = rowsOf(wb.getWorksheet('概览')!);
    expect(header!.slice(0, 1).concat(header!.slice(3))).toEqual(['指标', '变化', '变化率（%）']);
    expect(overview.map((row) => row.slice(1, 5))).toEqual(
      r.headlines.map((x) => [x.value, x.previous, x.delta, x.changePct ?? '—']),
    );
    const [, ...daily] = rowsOf(wb.getWorksheet('每日')!);
    expect(daily).toEqual(
      r.days.map((d, i) => [
        d,
        r.daily.checkins[i],
        r.daily.learners[i],
        r.daily.signups[i],
        r.daily.attended[i],
        r.daily.revealedTotal[i],
      ]),
    );
    const [, ...series] = rowsOf(wb.getWorksheet('课程系列')!);
    expect(series).toEqual(r.completionsBySeries.map((s) => [s.series || '未分系列', s.count]));
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      '概览',
      '每日',
      '课程系列',
      '活动报名',
      '诉求分类',
      '志愿时数',
      '投票',
    ]);
  });
});
