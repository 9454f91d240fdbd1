// The leaderboards and the hours export count a member's hours under the member's
// own org sub-tree, monthly as all-time, wherever the activity that gave them was
// organised.
import ExcelJS from 'exceljs';
import type { Leaderboard } from '../../../typings/volunteer-team';
import {
  activity,
  ADMIN,
  DAY,
  HOUR,
  iso,
  member,
  scanIn,
  scanOut,
  signUp,
  startVolWorld,
  T0,
  type VolWorld,
} from './world';

let w: VolWorld;
beforeAll(async () => {
  w = await startVolWorld();
}, 60_000);
afterAll(() => w.h.stop());

describe('the monthly leaderboard', () => {
  it('counts a branch member’s hours at a district activity under the member’s own org, as the all-time board does', async () => {
    await member(w, 'o-lb-away', '赵远征');
    const start = T0 + 40 * DAY;
    const districtActivity = await activity(w, start, 120, { orgId: w.orgs.district.id });
    await signUp(w, 'o-lb-away', districtActivity.id);
    await scanIn(w, 'o-lb-away', districtActivity.id, start);
    await scanOut(w, 'o-lb-away', districtActivity.id, start + 2 * HOUR);
    const month = iso(start + 8 * HOUR).slice(0, 7);
    for (const orgId of [w.orgs.expressBranch.id, w.orgs.district.id]) {
      for (const period of ['month', 'all'] as const) {
        const board = await w.h
          .as('o-lb-away')
          .at(iso(start + 3 * HOUR))
          .ok<Leaderboard>('volunteer', 'leaderboard', { period, month, orgId });
        expect(board.entries.find((e) => e.me)).toMatchObject({ name: '赵**', creditMinutes: 120 });
        expect(board.myRank).not.toBeNull();
      }
    }
    // Another district's board does not show them.
    const other = await w.h
      .as('o-lb-away')
      .ok<Leaderboard>('volunteer', 'leaderboard', { period: 'month', month, orgId: w.orgs.otherDistrict.id });
    expect(other.entries.some((e) => e.me)).toBe(false);

    // The branch's export of the period has them with the district activity's hours.
    const day = iso(start + 8 * HOUR).slice(0, 10);
    const r = await w.h
      .as(ADMIN)
      .ok<{ url: string }>('office', 'exportVolunteerHours', { orgId: w.orgs.expressBranch.id, from: day, to: day });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await (await fetch(r.url)).arrayBuffer()) as never);
    const row = wb
      .getWorksheet('志愿服务时数')!
      .getRows(2, 50)!
      .find((x) => x.getCell(1).value === '赵远征')!;
    expect(row.getCell(6).value).toBe(2);
  });
});
