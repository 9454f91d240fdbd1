// Leaderboards of an org's sub-tree, this month's or of all time: approved
// members who have not hidden themselves, most hours first, names masked. A
// hidden member neither appears nor takes a rank; hiding is the member's own
// choice at any time (setLeaderboardVisibility), never overridden.
import * as z from 'zod';
import type { Leaderboard, LeaderboardEntry, VolunteerTeamApi } from '../../../typings/volunteer-team';
import { requireUser } from '../../_shared/caller';
import { invalid } from '../../_shared/errors';
import { downloadUrlsById } from '../../_shared/files';
import type { Handlers } from '../../_shared/function';
import { maskName } from '../../_shared/mask';
import { requireOrg } from '../../_shared/stores/orgs';
import { usersByIds } from '../../_shared/stores/users';
import { form, id } from '../../_shared/validation';
import { starOf } from '../rules/hours';
import { isMonthKey, monthOf } from '../rules/months';
import { monthTotalsOf } from '../store/hours';
import { getMember, type MemberDoc, rankedAbove, shownWithHours, topMembers } from '../store/members';

interface Row {
  member: MemberDoc;
  creditMinutes: number;
  honorMinutes: number;
}

const shown = (m: MemberDoc | undefined): m is MemberDoc => !!m && m.status === 'approved' && m.onLeaderboard;

const byHours = (a: Row, b: Row) =>
  b.creditMinutes + b.honorMinutes - (a.creditMinutes + a.honorMinutes) ||
  b.creditMinutes - a.creditMinutes ||
  (a.member._id < b.member._id ? -1 : 1);

/**
 * This month's rows of the sub-tree's own members (wherever they served, as on the
 * all-time board), ranked; hidden members left out before ranking.
 */
async function monthRows(orgId: string, month: string): Promise<Row[]> {
  const members = new Map((await shownWithHours(orgId)).map((m) => [m._id, m]));
  const totals = await monthTotalsOf([...members.keys()], month);
  return totals
    .flatMap((t) => {
      const m = members.get(t.userId);
      return m && t.creditMinutes + t.honorMinutes > 0
        ? [{ member: m, creditMinutes: t.creditMinutes, honorMinutes: t.honorMinutes }]
        : [];
    })
    .sort(byHours);
}

async function entriesOf(rows: Row[], meId: string): Promise<LeaderboardEntry[]> {
  const users = await usersByIds(rows.map((r) => r.member._id));
  const avatars = new Map<string, string>();
  const fileIds = rows.map((r) => users.get(r.member._id)?.avatarFileId ?? '').filter(Boolean);
  for (let i = 0; i < fileIds.length; i += 50)
    for (const [k, v] of await downloadUrlsById(fileIds.slice(i, i + 50))) avatars.set(k, v);
  return rows.map((r, i) => ({
    rank: i + 1,
    name: maskName(r.member.realName),
    avatarUrl: avatars.get(users.get(r.member._id)?.avatarFileId ?? '') ?? '',
    orgName: r.member.orgName,
    creditMinutes: r.creditMinutes,
    honorMinutes: r.honorMinutes,
    totalMinutes: r.creditMinutes + r.honorMinutes,
    star: starOf(r.creditMinutes + r.honorMinutes),
    me: r.member._id === meId,
  }));
}

export const leaderboardHandlers = {
  leaderboard: {
    access: 'user',
    input: form(
      {
        period: z.enum(['month', 'all']),
        month: z.string().max(7).refine(isMonthKey, '月份格式应为 YYYY-MM').optional(),
        orgId: id().optional(),
        limit: z.number().int().min(1).max(100).optional(),
      },
      { period: '排行周期', month: '月份', orgId: '组织', limit: '显示人数' },
    ),
    async run({ caller, now }, input): Promise<Leaderboard> {
      const user = requireUser(caller);
      const me = await getMember(user._id);
      const orgId = input.orgId ?? me?.orgId ?? user.worker?.orgId;
      if (!orgId) throw invalid('请选择要查看排行榜的组织');
      const org = await requireOrg(orgId);
      const limit = input.limit ?? 50;
      const myVisible = shown(me ?? undefined) && me!.orgPath.includes(orgId);
      let rows: Row[];
      let myRank: number | null = null;
      const month = input.period === 'month' ? (input.month ?? monthOf(now)) : null;
      if (month) {
        const all = await monthRows(orgId, month);
        const mine = all.findIndex((r) => r.member._id === user._id);
        myRank = mine >= 0 ? mine + 1 : null;
        rows = all.slice(0, limit);
      } else {
        rows = (await topMembers(orgId, limit)).map((m) => ({
          member: m,
          creditMinutes: m.creditMinutes,
          honorMinutes: m.honorMinutes,
        }));
        if (myVisible && me!.totalMinutes > 0) myRank = (await rankedAbove(orgId, me!)) + 1;
      }
      return {
        period: input.period,
        month,
        orgId: org._id,
        orgName: org.name,
        entries: await entriesOf(rows, user._id),
        myRank,
        myVisible: shown(me ?? undefined),
      };
    },
  },
} satisfies Handlers<Pick<VolunteerTeamApi, 'leaderboard'>>;
