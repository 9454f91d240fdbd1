// Demo study activity and party members for the dashboard: fictional party members
// (亮身份) verified over the past two months, and their check-ins, study days and
// lecture completions over the past three weeks, relative to the day of seeding.
// Some also watch a lecture in short sittings on days they skip the check-in, so the
// daily learners are not always the day's check-ins.
import { beijingDay, beijingDayStart } from '../../cloudfunctions/_shared/clock';
import { addDays } from '../../cloudfunctions/_shared/stats/period';
import { LECTURES as LECTURE_DATA } from './lectures-data';
import { SEED_ORG_IDS } from './orgs';
import type { SeedDb, SeedModule } from './index';

const O = SEED_ORG_IDS;

/** Fictional members: id, name, branch (with its path and name), how many days ago they were verified. */
const MEMBERS = [
  {
    id: 'seed-member-01',
    name: '周示例',
    orgId: O.expressBranch,
    parent: O.express,
    branch: '快递小哥流动党支部',
    verified: 50,
  },
  {
    id: 'seed-member-02',
    name: '吴示例',
    orgId: O.expressBranch,
    parent: O.express,
    branch: '快递小哥流动党支部',
    verified: 33,
  },
  {
    id: 'seed-member-03',
    name: '郑示例',
    orgId: O.foodBranch,
    parent: O.food,
    branch: '外卖骑手流动党支部',
    verified: 20,
  },
  {
    id: 'seed-member-04',
    name: '王示例',
    orgId: O.foodBranch,
    parent: O.food,
    branch: '外卖骑手流动党支部',
    verified: 9,
  },
  {
    id: 'seed-member-05',
    name: '冯示例',
    orgId: O.rideBranch,
    parent: O.transport,
    branch: '网约车司机党支部',
    verified: 4,
  },
  {
    id: 'seed-member-06',
    name: '陈示例',
    orgId: O.foodBranch,
    parent: O.food,
    branch: '外卖骑手流动党支部',
    verified: 1,
  },
] as const;

const LECTURES = ['lec-safety-traffic', 'lec-policy-rights', 'lec-history-1921'];
const DAYS = 21;
/** Half watched, an evening sitting at a time, by every other member on past days without a check-in (of the last ten). */
const SITTINGS = { lectureId: 'lec-history-spirit', days: 10, seconds: 20, max: 5 };

/** 08:30 Beijing on a day. */
const morning = (day: string) => new Date(beijingDayStart(day).getTime() + 8.5 * 3_600_000);
/** 21:00 Beijing on a day. */
const evening = (day: string) => new Date(beijingDayStart(day).getTime() + 21 * 3_600_000);

type Member = (typeof MEMBERS)[number];

/** The sittings' lecture, watched from the start (newest day first in `days`), and each sitting's study day. */
async function seedSittings(db: SeedDb, m: Member, days: string[]): Promise<number> {
  if (!days.length) return 0;
  const orgPath = [O.district, m.parent, m.orgId];
  for (const day of days) {
    await db
      .collection('study_days')
      .doc(`${m.id}:${day}`)
      .set({ userId: m.id, day, orgId: m.orgId, createdAt: evening(day) });
  }
  const watched = days.length * SITTINGS.seconds;
  const first = evening(days.at(-1)!);
  const last = evening(days[0]!);
  await db
    .collection('lecture_progress')
    .doc(`${m.id}:${SITTINGS.lectureId}`)
    .set({
      userId: m.id,
      lectureId: SITTINGS.lectureId,
      orgId: m.orgId,
      orgPath,
      positionSec: watched,
      intervals: [[0, watched]],
      watchedSec: watched,
      lastReportAt: last,
      completed: false,
      completedAt: null,
      quiz: null,
      studyDay: days[0],
      rev: 0,
      createdAt: first,
      updatedAt: last,
    });
  return days.length + 1;
}

export const studyActivitySeed: SeedModule = {
  name: 'study activity',
  async run(db, now) {
    const today = beijingDay(now);
    let n = 0;
    for (const [i, m] of MEMBERS.entries()) {
      const verifiedAt = morning(addDays(today, -m.verified));
      await db
        .collection('users')
        .doc(m.id)
        .set({
          openid: `seed-openid-member-${i + 1}`,
          nickname: m.name,
          avatarFileId: '',
          status: 'active',
          worker: {
            realName: m.name,
            phone: `1390000${String(5100 + i)}`,
            occupation:
              m.orgId === O.rideBranch ? 'ride_hailing' : m.orgId === O.foodBranch ? 'food_delivery' : 'courier',
            platform: '示例平台（演示）',
            orgId: m.orgId,
            orgName: m.branch,
            isPartyMember: true,
            branchName: m.branch,
            consentVersion: '2026-11',
            consentAt: verifiedAt,
            orgPath: [O.district, m.parent, m.orgId],
          },
          memberStatus: 'verified',
          memberRejectReason: '',
          memberVerifiedAt: verifiedAt,
          adminOrgIds: [],
          points: { balance: 0, earned: 0, spent: 0 },
          createdAt: verifiedAt,
          updatedAt: verifiedAt,
        });
      n++;
      // Check-ins on most days (a pattern per member), each a study day too.
      const sittings: string[] = [];
      for (let d = 0; d < DAYS; d++) {
        const day = addDays(today, -d);
        if ((d + i) % (i % 3 === 0 ? 2 : 3) === 0) {
          if (i % 2 === 0 && d > 0 && d < SITTINGS.days && sittings.length < SITTINGS.max) sittings.push(day);
          continue;
        }
        const at = morning(day);
        const id = `${m.id}:${day}`;
        const fields = { userId: m.id, day, orgId: m.orgId };
        await db
          .collection('quote_checkins')
          .doc(id)
          .set({ ...fields, quoteId: 'seed-quote-01', orgPath: [O.district, m.parent, m.orgId], createdAt: at });
        await db
          .collection('study_days')
          .doc(id)
          .set({ ...fields, createdAt: at });
        n += 2;
      }
      n += await seedSittings(db, m, sittings);
      // One lecture watched to the end a few days ago (its points are not part of the demo ledger).
      const lectureId = LECTURES[i % LECTURES.length]!;
      const duration = LECTURE_DATA.find((l) => l.id === lectureId)!.durationSec;
      const doneAt = morning(addDays(today, -(i + 1)));
      await db
        .collection('lecture_progress')
        .doc(`${m.id}:${lectureId}`)
        .set({
          userId: m.id,
          lectureId,
          orgId: m.orgId,
          orgPath: [O.district, m.parent, m.orgId],
          positionSec: duration,
          intervals: [[0, duration]],
          watchedSec: duration,
          lastReportAt: doneAt,
          completed: true,
          completedAt: doneAt,
          quiz: null,
          rev: 0,
          createdAt: doneAt,
          updatedAt: doneAt,
        });
      n++;
    }
    return n;
  },
};
