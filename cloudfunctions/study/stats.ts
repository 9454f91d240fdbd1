// Who studies: check-ins per day, learning per org and per lecture, for the
// admin's scope.
import type { StudyApi } from '../../typings/study';
import { daysBetween } from '../_shared/clock';
import { COLLECTIONS } from '../_shared/collections';
import { invalid } from '../_shared/errors';
import type { Handlers } from '../_shared/function';
import { orgIdsInScope, requireOrgInScope } from '../_shared/orgs';
import { db } from '../_shared/sdk';
import { dayKey, id, z } from '../_shared/validation';
import { type LectureDoc } from './docs';
import { lectureStats } from './lectures/admin';

const MAX_DAYS = 366;

type Agg = { data: Record<string, unknown>[] };

async function subtreeIds(orgId: string): Promise<string[]> {
  const { data } = await db()
    .collection(COLLECTIONS.orgs)
    .where({ ancestors: orgId })
    .field({ _id: true })
    .limit(1000)
    .get();
  return [orgId, ...(data as { _id: string }[]).map((o) => o._id)];
}

export const statsHandlers = {
  studyStats: {
    access: 'admin',
    input: z.strictObject({ from: dayKey(), to: dayKey(), orgId: id().optional() }),
    async run({ caller }, input) {
      if (input.from > input.to) throw invalid('开始日期不能晚于结束日期');
      if (daysBetween(input.from, input.to) > MAX_DAYS) throw invalid(`一次最多统计 ${MAX_DAYS} 天`);
      // Scope: the chosen org, or (for an admin) their first org; superadmins may see everything.
      const orgId = input.orgId ?? (caller.isSuperadmin ? undefined : caller.user?.adminOrgIds[0]);
      if (orgId) await requireOrgInScope(caller, orgId);
      const _ = db().command;
      const $ = _.aggregate;
      const inOrg = orgId ? { orgPath: orgId } : {};
      const [byDay, checkinsByOrg, learningByOrg] = await Promise.all([
        db()
          .collection(COLLECTIONS.quoteCheckins)
          .aggregate()
          .match({ ...inOrg, day: _.gte(input.from).and(_.lte(input.to)) })
          .group({ _id: '$day', checkins: $.sum(1) })
          .sort({ _id: 1 })
          .end(),
        db()
          .collection(COLLECTIONS.quoteCheckins)
          .aggregate()
          .match({ ...inOrg, day: _.gte(input.from).and(_.lte(input.to)) })
          .group({ _id: '$orgId', checkins: $.sum(1) })
          .end(),
        db()
          .collection(COLLECTIONS.lectureProgress)
          .aggregate()
          .match(inOrg)
          .group({
            _id: '$orgId',
            learners: $.addToSet('$userId'),
            completions: $.sum($.cond([{ $eq: ['$completed', true] }, 1, 0])),
            seconds: $.sum('$watchedSec'),
          })
          .end(),
      ]);
      const orgRows = new Map<string, { checkins: number; learners: number; completions: number; minutes: number }>();
      const row = (k: string) =>
        orgRows.get(k) ?? orgRows.set(k, { checkins: 0, learners: 0, completions: 0, minutes: 0 }).get(k)!;
      for (const r of (checkinsByOrg as unknown as Agg).data) row(String(r._id ?? '')).checkins = Number(r.checkins);
      for (const r of (learningByOrg as unknown as Agg).data) {
        const x = row(String(r._id ?? ''));
        x.learners = (r.learners as string[]).length;
        x.completions = Number(r.completions);
        x.minutes = Math.floor(Number(r.seconds) / 60);
      }
      const orgIds = [...orgRows.keys()].filter(Boolean);
      const names = orgIds.length
        ? new Map(
            (
              (
                await db()
                  .collection(COLLECTIONS.orgs)
                  .where({ _id: _.in(orgIds) })
                  .limit(1000)
                  .get()
              ).data as { _id: string; name: string }[]
            ).map((o) => [o._id, o.name]),
          )
        : new Map<string, string>();
      // Lectures of the chosen org's sub-tree, or of everything the admin administers.
      const scope = orgId ? await subtreeIds(orgId) : await orgIdsInScope(caller);
      const lectures = (
        await db()
          .collection(COLLECTIONS.lectures)
          .where(scope ? { orgId: _.in(scope) } : {})
          .orderBy('updatedAt', 'desc')
          .limit(200)
          .get()
      ).data as LectureDoc[];
      const perLecture = await lectureStats(lectures.map((l) => l._id));
      return {
        from: input.from,
        to: input.to,
        checkinsByDay: (byDay as unknown as Agg).data.map((r) => ({
          day: String(r._id),
          checkins: Number(r.checkins),
        })),
        byOrg: [...orgRows.entries()].map(([k, v]) => ({
          orgId: k,
          orgName: names.get(k) ?? (k ? k : '未登记组织'),
          ...v,
        })),
        lectures: lectures.map((l) => ({
          id: l._id,
          title: l.title,
          views: l.views,
          ...(perLecture.get(l._id) ?? { learners: 0, completions: 0, minutes: 0 }),
        })),
      };
    },
  },
} satisfies Handlers<Pick<StudyApi, 'studyStats'>>;
