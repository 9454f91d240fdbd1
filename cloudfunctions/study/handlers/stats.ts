// Who studies: check-ins per day, learning per org and per lecture, for the
// admin's scope.
import type { StudyApi } from '../../../typings/study';
import { daysBetween } from '../../_shared/clock';
import type { Handlers } from '../../_shared/function';
import { orgIdsInScope, requireOrgInScope } from '../../_shared/scope';
import { orgNames, subtreeIds } from '../../_shared/stores/orgs';
import { dayKey, form, id, inOrder, withRule } from '../../_shared/validation';
import { checkinCounts } from '../store/checkins';
import { recentOwned } from '../store/lectures';
import { learningByOrg, lectureStats } from '../store/progress';
import { NO_LECTURE_STATS } from '../rules/views';

const MAX_DAYS = 366;

interface OrgRow {
  checkins: number;
  learners: number;
  completions: number;
  minutes: number;
}

export const statsHandlers = {
  studyStats: {
    access: 'admin',
    input: withRule(
      form(
        { from: dayKey(), to: dayKey(), orgId: id().optional() },
        { from: '开始日期', to: '结束日期', orgId: '组织' },
      ),
      (v) =>
        inOrder(['from', 'to'], { from: '开始日期' }, { orEqual: true })(v) ??
        (daysBetween(v.from, v.to) > MAX_DAYS ? { field: 'to', message: `一次最多统计 ${MAX_DAYS} 天` } : null),
    ),
    async run({ caller }, input) {
      // Scope: the chosen org, or (for an admin) their first org; superadmins may see everything.
      const orgId = input.orgId ?? (caller.isSuperadmin ? undefined : caller.user?.adminOrgIds[0]);
      if (orgId) await requireOrgInScope(caller, orgId);
      const [checkins, learning] = await Promise.all([
        checkinCounts(input.from, input.to, orgId),
        learningByOrg(orgId),
      ]);
      const orgRows = new Map<string, OrgRow>();
      const row = (k: string) =>
        orgRows.get(k) ?? orgRows.set(k, { checkins: 0, learners: 0, completions: 0, minutes: 0 }).get(k)!;
      for (const r of checkins.byOrg) row(r.orgId).checkins = r.checkins;
      for (const r of learning)
        Object.assign(row(r.orgId), { learners: r.learners, completions: r.completions, minutes: r.minutes });
      const names = await orgNames([...orgRows.keys()].filter(Boolean));
      // Lectures of the chosen org's sub-tree, or of everything the admin administers.
      const scope = orgId ? await subtreeIds(orgId) : await orgIdsInScope(caller);
      const lectures = await recentOwned(scope);
      const perLecture = await lectureStats(lectures.map((l) => l._id));
      return {
        from: input.from,
        to: input.to,
        checkinsByDay: checkins.byDay,
        byOrg: [...orgRows.entries()].map(([k, v]) => ({
          orgId: k,
          orgName: names.get(k) ?? (k ? k : '未登记组织'),
          ...v,
        })),
        lectures: lectures.map((l) => ({
          id: l._id,
          title: l.title,
          views: l.views,
          ...(perLecture.get(l._id) ?? NO_LECTURE_STATS),
        })),
      };
    },
  },
} satisfies Handlers<Pick<StudyApi, 'studyStats'>>;
