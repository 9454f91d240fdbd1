// The organiser's workbench beyond single transitions: demands recorded from a
// round table's minutes (one case per item), answers from reply templates,
// statistics per org and period, the spreadsheet export, and a deadline the
// working-day calendar cannot compute (a year it does not cover) refused loudly
// with nothing written.
import ExcelJS from 'exceljs';
import type { CaseAdminView, CaseStats, MyCase, ReplyTemplate } from '../../../typings/cases';
import type { Page } from '../../../typings/common';
import { meetingCases } from '../../../cloudfunctions/_shared/engines/cases';
import { beijingDay } from '../../../cloudfunctions/_shared/clock';
import { addWorkingDays, calendarCoverage, isWorkingDay } from '../../../cloudfunctions/_shared/workdays';
import {
  bj,
  BRANCH_ADMIN,
  type CasesWorld,
  demand,
  DISTRICT_ADMIN,
  HELD_MEETING,
  OUTSIDER_ADMIN,
  RIDER,
  startCasesWorld,
} from './world';

let w: CasesWorld;
beforeAll(async () => {
  w = await startCasesWorld();
}, 60_000);
afterAll(() => w.stop());

const AT = bj('2026-11-02T10:00:00');

describe('demands from a round table', () => {
  const meetingCase = (item: string) => ({
    category: 'conditions',
    title: '小区禁止外卖电动车进入',
    description: '圆桌会上多名骑手反映某小区禁止电动车进入，只能步行送餐，超时被罚。',
    orgId: w.orgs.expressBranch.id,
    source: { kind: 'meeting', meetingId: HELD_MEETING, item },
    raiserUserId: w.rider.userId,
  });

  it('are recorded by an organiser with their source, accepted at once, followed by the worker who raised them', async () => {
    const c = await w.as(BRANCH_ADMIN, AT).ok<CaseAdminView>('cases', 'createCase', meetingCase('第 2 项'));
    expect(c).toMatchObject({
      state: 'accepted',
      source: { kind: 'meeting', meetingId: HELD_MEETING, item: '第 2 项' },
      raiser: { name: '王保密' },
      dueAt: bj('2026-11-09T23:59:59.999'),
    });
    const again = await w.as(BRANCH_ADMIN, AT).ok<CaseAdminView>('cases', 'createCase', meetingCase('第 2 项'));
    expect(again.id).toBe(c.id);
    const mine = await w.as(RIDER, AT).ok<Page<{ id: string }>>('cases', 'myCases', {});
    expect(mine.items.map((i) => i.id)).toContain(c.id);
    expect(await w.as(OUTSIDER_ADMIN, AT).call('cases', 'createCase', meetingCase('第 3 项'))).toMatchObject({
      code: 'FORBIDDEN',
    });
    // What the meeting's page will show: each case's progress, nobody's identity.
    await w.as(BRANCH_ADMIN, AT).ok('cases', 'createCase', meetingCase('第 4 项'));
    const progress = await meetingCases(HELD_MEETING, new Date(AT));
    expect(progress).toHaveLength(2);
    expect(progress.map((p) => p.state)).toEqual(['accepted', 'accepted']);
    expect(progress.map((p) => p.id)).toContain(c.id);
    expect(JSON.stringify(progress)).not.toMatch(/王保密|13911112222/);
  });

  it('need a meeting that exists: an unknown one is not found, nothing written', async () => {
    const before = await w.ip.digest();
    const r = await w.as(BRANCH_ADMIN, AT).call('cases', 'createCase', {
      ...meetingCase('第 5 项'),
      source: { kind: 'meeting', meetingId: 'rt-nope', item: '第 5 项' },
    });
    expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    expect(await w.ip.digest()).toBe(before);
  });
});

describe('reply templates', () => {
  it('are saved per org and answer a case, with extra text', async () => {
    const admin = w.as(BRANCH_ADMIN, AT);
    const t = await admin.ok<ReplyTemplate>('cases', 'saveReplyTemplate', {
      orgId: w.orgs.expressBranch.id,
      title: '充电设施',
      text: '您反映的充电问题已转交驿站和供电部门，新增充电桩将于本月投用。',
      category: 'conditions',
    });
    expect(await admin.ok<ReplyTemplate[]>('cases', 'listReplyTemplates', { orgId: w.orgs.expressBranch.id })).toEqual([
      t,
    ]);
    const c = await w.submit(RIDER, AT, demand());
    const answered = await admin.ok<CaseAdminView>('cases', 'answerCase', {
      caseId: c.id,
      templateId: t.id,
      text: '如仍有问题请随时反馈。',
    });
    expect(answered.answer?.text).toBe(`${t.text}\n如仍有问题请随时反馈。`);
    const other = await w.submit(RIDER, AT, demand({ category: 'rights', title: '平台扣款不合理' }));
    expect(await admin.call('cases', 'answerCase', { caseId: other.id, templateId: t.id })).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('「答复模板」'),
    });
    expect(
      await w.as(OUTSIDER_ADMIN, AT).call('cases', 'listReplyTemplates', { orgId: w.orgs.expressBranch.id }),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('the queue', () => {
  it('只看待答复 leaves out what was answered, closed or refused; without it every state is listed', async () => {
    const at = bj('2026-11-10T09:00:00');
    const title = (n: number) => `队列筛选示例第${n}件`;
    const [waiting, answered, refused] = [
      await w.submit(RIDER, at, demand({ title: title(1) })),
      await w.submit(RIDER, at, demand({ title: title(2) })),
      await w.submit(RIDER, at, demand({ title: title(3) })),
    ];
    const admin = w.as(BRANCH_ADMIN, bj('2026-11-10T10:00:00'));
    await admin.ok('cases', 'answerCase', { caseId: answered.id, text: '已协调解决。' });
    await admin.ok('cases', 'rejectCase', { caseId: refused.id, reason: '不属于受理范围' });
    const ids = async (filter: object) =>
      (await admin.ok<Page<{ id: string }>>('cases', 'listCases', { keyword: '队列筛选示例', ...filter })).items
        .map((c) => c.id)
        .sort();
    expect(await ids({ open: true })).toEqual([waiting.id]);
    expect(await ids({})).toEqual([waiting.id, answered.id, refused.id].sort());
    expect(await admin.call('cases', 'listCases', { open: 'yes' })).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('只看待答复'),
    });
  });
});

describe('statistics and the export', () => {
  it('count by category, time to first response and to answer (median, p90), overdue, satisfaction, reopen rate', async () => {
    const day = (d: number, h: number) =>
      bj(`2026-11-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00`);
    const admin = (at: string) => w.as(BRANCH_ADMIN, at);
    // Three demands of 16 November (a Monday): answered after 2 h, 26 h and 8 days (late); one rated, one reopened.
    const [a, b, c] = [
      await w.submit(RIDER, day(16, 9), demand()),
      await w.submit(RIDER, day(16, 9), demand({ category: 'rights', title: '罚款规则不合理' })),
      await w.submit(RIDER, day(16, 9), demand()),
    ];
    await admin(day(16, 10)).ok('cases', 'acceptCase', { caseId: a.id });
    await admin(day(16, 11)).ok('cases', 'answerCase', { caseId: a.id, text: '已解决。' });
    await admin(day(17, 11)).ok('cases', 'answerCase', { caseId: b.id, text: '已协调平台。' });
    await admin(day(24, 9)).ok('cases', 'answerCase', { caseId: c.id, text: '已处理完毕。' });
    await w.as(RIDER, day(16, 12)).ok('cases', 'rateCase', { caseId: a.id, rating: 'satisfied' });
    await w.as(RIDER, day(18, 12)).ok('cases', 'reopenCase', { caseId: b.id, reason: '平台没有改规则' });
    const stats = await admin(day(25, 9)).ok<CaseStats>('cases', 'caseStats', {
      orgId: w.orgs.expressBranch.id,
      from: '2026-11-16',
      to: '2026-11-16',
    });
    expect(stats).toMatchObject({
      total: 3,
      byCategory: [
        { category: 'conditions', label: '工作条件', count: 2 },
        { category: 'rights', label: '权益保障', count: 1 },
      ],
      firstResponseHours: { count: 3, median: 26, p90: 192 },
      answerHours: { count: 3, median: 26, p90: 192 },
      overdueRate: 0.333,
      satisfaction: { rated: 1, satisfied: 1, rate: 1 },
      reopenRate: 0.333,
    });
    expect(stats.firstResponseHours).toEqual({ count: 3, median: 26, p90: 192 });
    expect(
      await w.as(OUTSIDER_ADMIN, day(25, 9)).call('cases', 'caseStats', {
        orgId: w.orgs.express.id,
        from: '2026-11-16',
        to: '2026-11-16',
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('exports an org’s cases of a period as a spreadsheet, with the raiser for organisers only', async () => {
    const r = await w
      .as(DISTRICT_ADMIN, bj('2026-11-25T10:00:00'))
      .ok<{ fileId: string; url: string }>('office', 'exportCases', {
        orgId: w.orgs.district.id,
        from: '2026-11-16',
        to: '2026-11-16',
      });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await (await fetch(r.url)).arrayBuffer()) as never);
    const sheet = wb.getWorksheet('诉求与随手拍')!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['编号', '状态', '答复期限', '提出人', '联系电话']));
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(['王保密', '13911112222']));
  });
});

describe('a deadline in a year the working-day calendar does not cover yet', () => {
  it('is computed provisionally from the statutory holidays (元旦 skipped), logged — the demand is never refused', async () => {
    const year = Math.max(...calendarCoverage().years);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      // 30 December of the last covered year: 5 working days to answer run into the next, provisional year.
      const at = bj(`${year}-12-30T10:00:00`);
      expect(isWorkingDay(`${year + 1}-01-01`)).toBe(false);
      const expected = addWorkingDays(new Date(at), 5);
      expect(beijingDay(expected) > `${year + 1}-01-01`).toBe(true);
      const c = await w.as(RIDER, at).ok<MyCase>('cases', 'submitCase', demand());
      expect(c.dueAt).toBe(expected.toISOString());
      expect(warn.mock.calls.flat().join('\n')).toContain('work calendar provisional');
    } finally {
      warn.mockRestore();
    }
  });
});
