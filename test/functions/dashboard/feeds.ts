// The dashboard world's records of the other metric families, made through the real
// actions at pinned Beijing times, in both districts (so a superadmin's and a
// district admin's numbers differ for every family): demand cases (one transferred
// to another org, one answered late, one rejected, one in the other district),
// votes of a campaign in each district (some voided), round-table sign-ups and
// check-ins in each district, and volunteer hours (a scanned pair, which also signs
// up in the volunteer domain, and backfills, one months ago).
import type { CaseAdminView, MyCase, SubmitCaseRequest } from '../../../typings/cases';
import type { Campaign, Candidate } from '../../../typings/campaign';
import type { AdminMeeting } from '../../../typings/roundtable';
import type { AdminVolunteerActivity, VolunteerCheckInCode } from '../../../typings/volunteer-team';
import { meetingInput } from '../../support/arrange';
import { campaignInput } from '../../support/campaign-fixtures';
import type { OrgFixture } from '../../support/fixtures';
import type { FunctionsHarness } from '../../support/functions';
import { png } from '../../support/images';
import { sdkFor } from '../../support/sdk';
import { bj } from './raw';

/** Who acts: each district's organiser, and registered workers of each district (first: the express branch's). */
export interface FeedPeople {
  districtAdmin: string;
  otherAdmin: string;
  district: string[];
  other: string[];
}

async function cases(h: FunctionsHarness, orgs: OrgFixture, p: FeedPeople) {
  const submit = (openid: string, at: string, over: Partial<SubmitCaseRequest>) =>
    h
      .as(openid)
      .at(at)
      .ok<MyCase>('cases', 'submitCase', {
        kind: 'demand',
        category: 'conditions',
        title: '驿站夜间充电桩不够用',
        description: '城东驿站晚上十点后只有两个充电桩能用，排队要一个小时，希望增加充电桩或延长开放时间。',
        ...over,
      });
  const admin = (openid: string, at: string, action: string, data: object) =>
    h.as(openid).at(at).ok<CaseAdminView>('cases', action, data);
  const [rider, food] = p.district;
  const [otherRider] = p.other;
  const { districtAdmin: da, otherAdmin: oa } = p;

  // Due at the end of Monday 23 November; transferred to the industry committee, answered late, rated.
  const late = await submit(rider!, bj('2026-11-16'), {});
  await admin(da, bj('2026-11-16', '14:00'), 'acceptCase', { caseId: late.id });
  await admin(da, bj('2026-11-17'), 'transferCase', {
    caseId: late.id,
    toOrgId: orgs.express.id,
    reason: '需要行业党委协调快递企业',
  });
  await admin(da, bj('2026-11-24'), 'answerCase', { caseId: late.id, text: '已与快递企业协商，增设两个充电桩。' });
  await h.as(rider!).at(bj('2026-11-24', '15:00')).ok('cases', 'rateCase', { caseId: late.id, rating: 'satisfied' });

  // Answered the day it came in, rated unsatisfied.
  const living = await submit(food!, bj('2026-11-23', '09:00'), { category: 'living', title: '午饭没有地方热饭' });
  await admin(da, bj('2026-11-23', '16:00'), 'answerCase', { caseId: living.id, text: '已协调驿站添置微波炉。' });
  await h.as(food!).at(bj('2026-11-24')).ok('cases', 'rateCase', { caseId: living.id, rating: 'unsatisfied' });

  // Rejected: never counted.
  const rejected = await submit(rider!, bj('2026-11-24', '09:00'), { category: 'other', title: '想换一个配送站点' });
  await admin(da, bj('2026-11-24', '11:00'), 'rejectCase', { caseId: rejected.id, reason: '不属于受理范围' });

  // The other district: one due on Friday 20 November answered late and confirmed, one still open.
  const skills = await submit(otherRider!, bj('2026-11-13'), { category: 'skills', title: '想学电动车维修技能' });
  await admin(oa, bj('2026-11-23'), 'answerCase', { caseId: skills.id, text: '已联系培训机构安排维修课程。' });
  await h
    .as(otherRider!)
    .at(bj('2026-11-24'))
    .ok('cases', 'confirmCase', { caseId: skills.id, rating: 'basically_satisfied' });
  await submit(otherRider!, bj('2026-11-25', '09:00'), {});
}

async function votes(h: FunctionsHarness, orgs: OrgFixture, p: FeedPeople) {
  const campaign = async (admin: string, orgId: string, title: string) => {
    const at = bj('2026-11-15');
    const c = await h
      .as(admin)
      .at(at)
      .ok<Campaign>('campaign', 'saveCampaign', {
        ...campaignInput(orgId, Date.parse(at), 'nomination'),
        title,
        phases: {
          nominationStart: bj('2026-11-15', '09:00'),
          nominationEnd: bj('2026-11-16', '09:00'),
          votingStart: bj('2026-11-16'),
          votingEnd: bj('2026-11-25', '11:00'),
          announcementEnd: bj('2026-11-30'),
        },
      });
    const candidates: Candidate[] = [];
    for (const [i, cat] of c.categories.entries())
      candidates.push(
        await h
          .as(admin)
          .at(at)
          .ok<Candidate>('campaign', 'addCandidate', {
            campaignId: c.id,
            category: cat.key,
            name: `候选人${i + 1}`,
            platform: '示例平台',
            deeds: '风雨无阻送件上门，热心帮助社区老人，多次参与志愿服务。',
            photos: [],
          }),
      );
    return { c, candidates };
  };
  const vote = (voter: string, day: string, candidate: Candidate, time = '12:00') =>
    h.as(voter).at(bj(day, time)).ok('campaign', 'vote', { candidateId: candidate.id });

  const here = await campaign(p.districtAdmin, orgs.district.id, '最美快递小哥评选（示例区）');
  const [a, b] = here.candidates;
  await vote('o-dash-voter-1', '2026-11-17', a!);
  await vote('o-dash-voter-1', '2026-11-23', a!);
  await vote('o-dash-voter-1', '2026-11-23', b ?? a!, '12:30');
  await vote('o-dash-voter-2', '2026-11-24', a!);
  await vote('o-dash-voter-3', '2026-11-25', a!, '09:00');
  // A voter's votes voided as 刷票: they no longer count.
  await vote('o-dash-voter-4', '2026-11-24', a!);
  await h
    .as(p.districtAdmin)
    .at(bj('2026-11-25', '09:30'))
    .ok('campaign', 'voidVotes', {
      campaignId: here.c.id,
      voterIds: ['o-dash-voter-4'],
      reason: '同一设备批量投票',
    });

  const there = await campaign(p.otherAdmin, orgs.otherDistrict.id, '最美外卖骑手评选（另一区）');
  await vote('o-dash-voter-5', '2026-11-24', there.candidates[0]!);
  await vote('o-dash-voter-6', '2026-11-18', there.candidates[0]!);
}

const userIdOf = async (h: FunctionsHarness, openid: string) =>
  (await h.as(openid).ok<{ userId: string }>('user', 'getProfile', {})).userId;

async function meetings(h: FunctionsHarness, orgs: OrgFixture, p: FeedPeople) {
  const meeting = async (admin: string, orgId: string, venue: object, start: string, people: string[]) => {
    const base = Date.parse(bj('2026-11-10'));
    const startsInH = (Date.parse(start) - base) / 3_600_000;
    const m = await h
      .as(admin)
      .at(new Date(base).toISOString())
      .ok<AdminMeeting>('roundtable', 'saveMeeting', { ...meetingInput(orgId, '', { base, startsInH }), venue });
    for (const openid of people)
      await h.as(openid).at(bj('2026-11-12')).ok('roundtable', 'signUp', { meetingId: m.id });
    // The first one came (checked in by hand ten minutes before the start).
    const checkedIn = new Date(Date.parse(start) - 10 * 60_000).toISOString();
    const userId = await userIdOf(h, people[0]!);
    await h.as(admin).at(checkedIn).ok('roundtable', 'manualCheckIn', { meetingId: m.id, userId });
  };
  await meeting(
    p.districtAdmin,
    orgs.district.id,
    { stationId: orgs.station.id },
    bj('2026-11-24', '14:00'),
    p.district,
  );
  await meeting(
    p.otherAdmin,
    orgs.otherDistrict.id,
    { name: '另一区党群服务中心', address: '另一区示例路 1 号', location: { lat: 30.1, lng: 106.9 } },
    bj('2026-11-17', '14:00'),
    p.other,
  );
}

async function volunteers(h: FunctionsHarness, orgs: OrgFixture, p: FeedPeople) {
  const join = async (openid: string, orgId: string, admin: string, phone: string) => {
    const userId = await userIdOf(h, openid);
    await h.as(openid).at(bj('2026-10-01')).ok('volunteer', 'applyMember', {
      realName: '张小快',
      phone,
      occupation: 'courier',
      platform: '示例快递公司',
      orgId,
    });
    await h.as(admin).at(bj('2026-10-01')).ok('volunteer', 'reviewMember', { userId, decision: 'approve' });
    return userId;
  };
  const [rider] = p.district;
  const [otherRider] = p.other;
  const riderId = await join(rider!, orgs.expressBranch.id, p.districtAdmin, '13900001111');
  const otherId = await join(otherRider!, orgs.otherBranch.id, p.otherAdmin, '13900002202');

  // A scanned pair: 105 minutes of credit (and a seat and a check-in in the volunteer domain).
  const start = Date.parse(bj('2026-11-23'));
  const at = (min: number) => new Date(start + min * 60_000).toISOString();
  const activity = await h
    .as(p.districtAdmin)
    .at(bj('2026-11-20'))
    .ok<AdminVolunteerActivity>('volunteer', 'saveActivity', {
      title: '路口文明交通劝导',
      serviceType: 'traffic',
      description: '在示例路口协助交警劝导电动车规范通行。',
      venue: { name: '示例路与和平路路口', address: '示例区示例路 88 号' },
      startAt: at(0),
      endAt: at(120),
      deadline: at(-60),
      capacity: 20,
      orgId: orgs.expressBranch.id,
    });
  await h.as(rider!).at(bj('2026-11-20')).ok('volunteer', 'signUp', { activityId: activity.id });
  for (const [purpose, min] of [
    ['in', 5],
    ['out', 110],
  ] as const) {
    const { code } = await h
      .as(p.districtAdmin)
      .at(at(min))
      .ok<VolunteerCheckInCode>('volunteer', 'issueCheckInCode', { activityId: activity.id, purpose });
    await h
      .as(rider!)
      .at(at(min))
      .ok('volunteer', purpose === 'in' ? 'checkIn' : 'checkOut', { activityId: activity.id, code });
  }

  // Backfills from paper sign-in sheets: last week in the other district, and October's in this one.
  const backfill = async (admin: string, userId: string, startAt: string, minutes: number) => {
    const adminId = await userIdOf(h, admin);
    const sheet = await sdkFor(h.emu).uploadFile({
      cloudPath: `volunteer/${adminId}/sheet-${userId}.png`,
      fileContent: png({ text: startAt }),
    });
    await h
      .as(admin)
      .at(bj('2026-11-25', '08:00'))
      .ok('volunteer', 'addHonorHours', {
        userId,
        title: '协助社区疏导交通',
        startAt,
        endAt: new Date(Date.parse(startAt) + 2 * 3_600_000).toISOString(),
        minutes,
        reason: '纸质签到表补录',
        evidence: [sheet.fileID],
      });
  };
  await backfill(p.otherAdmin, otherId, bj('2026-11-17'), 50);
  await backfill(p.districtAdmin, riderId, bj('2026-10-20'), 90);
}

export async function buildFeeds(h: FunctionsHarness, orgs: OrgFixture, p: FeedPeople): Promise<void> {
  await cases(h, orgs, p);
  await votes(h, orgs, p);
  await meetings(h, orgs, p);
  await volunteers(h, orgs, p);
}
