// The meetings' spreadsheets through the organiser-only office function: a
// meeting's sign-up list (names, phones, states, topics, answers, check-ins) and a
// period's statistics, read back from storage; organisers of the org only.
import type { Page } from '../../../typings/common';
import type { AdminMeeting } from '../../../typings/roundtable';
import { meetingInput } from '../../support/arrange';
import { snapshotDb } from '../../support/db-snapshot';
import { ADMIN, DAY, HOUR, MINUTE, OTHER_ADMIN, type RtWorld, startRtWorld, workers } from './world';
import { rowsOf, workbookAt } from '../../support/workbooks';

let w: RtWorld;
beforeAll(async () => {
  w = await startRtWorld();
}, 60_000);
afterAll(() => w.h.stop());

const iso = (ms: number) => new Date(ms).toISOString();

it('a meeting’s sign-up list and the period’s statistics, as sheets; another district’s admin is refused', async () => {
  const base = Date.now() - 10 * DAY;
  const m = await w.h
    .as(ADMIN)
    .at(iso(base))
    .ok<AdminMeeting>(
      'roundtable',
      'saveMeeting',
      meetingInput(w.orgs.district.id, w.stations.here, {
        base,
        startsInH: 24,
        capacity: 2,
        questions: [{ key: 'lunch', kind: 'single', label: '需要午餐吗', required: true, options: ['需要', '不需要'] }],
      }),
    );
  const people = await workers(w, 'sheet', 3);
  for (const [i, p] of people.entries())
    await w.h
      .as(p)
      .at(iso(base + HOUR + i * MINUTE))
      .ok('roundtable', 'signUp', {
        meetingId: m.id,
        topic: i === 0 ? '夜间充电难' : undefined,
        answers: [{ key: 'lunch', values: ['需要'] }],
      });
  const list = await w.h
    .as(ADMIN)
    .ok<Page<{ userId: string; state: string }>>('roundtable', 'listSignUps', { meetingId: m.id });
  const during = iso(new Date(m.startAt).getTime() + 5 * MINUTE);
  await w.h.as(ADMIN).at(during).ok('roundtable', 'manualCheckIn', { meetingId: m.id, userId: list.items[0]!.userId });

  const signUps = await w.h
    .as(ADMIN)
    .ok<{ fileId: string; url: string }>('office', 'exportSignUps', { meetingId: m.id });
  expect(signUps.fileId).toMatch(/^cloud:\/\/.+\/exports\/signups-/);
  const book = await workbookAt(signUps.url);
  const rows = rowsOf(book.getWorksheet('报名名单')!);
  expect(rows[0]).toEqual([
    '序号',
    '姓名',
    '手机号',
    '状态',
    '候补位次',
    '报名时间',
    '签到时间',
    '签到方式',
    '取消方式',
    '想提的问题',
    '需要午餐吗',
  ]);
  expect(rows.slice(1).map((r) => [r[1], r[3], r[4], r[7], r[9], r[10]])).toEqual([
    ['骑手sheet0', '已签到', '', '组织者登记', '夜间充电难', '需要'],
    ['骑手sheet1', '报名成功', '', '', '', '需要'],
    ['骑手sheet2', '候补中', 1, '', '', '需要'],
  ]);
  expect(String(rows[1]![2])).toMatch(/^139\d{8}$/);

  const day = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
  const period = { from: day(base), to: day(Date.now()), orgId: w.orgs.district.id };
  const stats = await w.h.as(ADMIN).ok<{ url: string }>('office', 'exportMeetingStats', period);
  const summary = rowsOf((await workbookAt(stats.url)).getWorksheet('汇总')!);
  expect(summary[0]).toEqual([
    '范围',
    '举办场次',
    '取消场次',
    '报名人数',
    '签到人数',
    '缺席人数',
    '到场率',
    '缺席率',
    '人次',
  ]);
  expect(summary[1]!.slice(1)).toEqual([1, 0, 2, 1, 0, '50.0%', '0.0%', 1]);

  const before = await snapshotDb(w.h.emu);
  expect(await w.h.as(OTHER_ADMIN).call('office', 'exportSignUps', { meetingId: m.id })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  expect(await w.h.as(OTHER_ADMIN).call('office', 'exportMeetingStats', period)).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  expect(await snapshotDb(w.h.emu)).toBe(before);
  const { data: logs } = await w.h.db.collection('audit_logs').where({ action: 'exportSignUps' }).get();
  expect(logs).toHaveLength(1);
});
