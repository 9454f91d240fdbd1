// The organiser's side of micro lectures: author, publish, and see who studies.
import type { LectureAdminView, StudyApi } from '../../../typings/study';
import { audit } from '../../_shared/audit';
import { COLLECTIONS } from '../../_shared/collections';
import { invalid, notFound } from '../../_shared/errors';
import type { Handlers } from '../../_shared/function';
import { orgIdsInScope, requireOrgInScope } from '../../_shared/orgs';
import { fetchPage } from '../../_shared/paging';
import { escapeRegExp } from '../../_shared/regexp';
import { db } from '../../_shared/sdk';
import { fileId, id, pageFields, text, z } from '../../_shared/validation';
import { type LectureDoc, toLectureAdminView } from '../docs';
import { sanitizeBody } from './sanitize';

async function requireLecture(lectureId: string): Promise<LectureDoc> {
  const l = (await db().collection(COLLECTIONS.lectures).doc(lectureId).get()).data[0] as LectureDoc | undefined;
  if (!l) throw notFound('课程');
  return l;
}

/** Learners, completions and minutes per lecture, from the progress records (exact). */
export async function lectureStats(
  lectureIds: string[],
): Promise<Map<string, { learners: number; completions: number; minutes: number }>> {
  const out = new Map<string, { learners: number; completions: number; minutes: number }>();
  if (!lectureIds.length) return out;
  const $ = db().command.aggregate;
  const res = await db()
    .collection(COLLECTIONS.lectureProgress)
    .aggregate()
    .match({ lectureId: db().command.in(lectureIds) })
    .group({
      _id: '$lectureId',
      learners: $.sum(1),
      completions: $.sum($.cond([{ $eq: ['$completed', true] }, 1, 0])),
      seconds: $.sum('$watchedSec'),
    })
    .end();
  for (const row of (
    res as unknown as { data: { _id: string; learners: number; completions: number; seconds: number }[] }
  ).data) {
    out.set(row._id, { learners: row.learners, completions: row.completions, minutes: Math.floor(row.seconds / 60) });
  }
  return out;
}

const EMPTY_STATS = { learners: 0, completions: 0, minutes: 0 };

async function view(l: LectureDoc): Promise<LectureAdminView> {
  const stats = await lectureStats([l._id]);
  return toLectureAdminView(l, stats.get(l._id) ?? EMPTY_STATS);
}

const quizQuestion = z.strictObject({
  question: text(200, 2),
  options: z.array(text(100, 1)).min(2).max(6),
  answer: z.number().int().min(0).max(5),
});

type AdminLectureActions = Pick<
  StudyApi,
  'adminListLectures' | 'adminGetLecture' | 'saveLecture' | 'setLecturePublished'
>;

export const lectureAdminHandlers = {
  adminListLectures: {
    access: 'admin',
    input: z.strictObject({ keyword: text(30).optional(), orgId: id().optional(), ...pageFields }),
    async run({ caller }, input) {
      const where: Record<string, unknown> = {};
      if (input.keyword) where.title = db().RegExp({ regexp: escapeRegExp(input.keyword), options: 'i' });
      if (input.orgId) {
        await requireOrgInScope(caller, input.orgId);
        where.orgId = input.orgId;
      } else {
        // Only lectures owned by orgs the admin administers (drafts and quiz answers included).
        const scope = await orgIdsInScope(caller);
        if (scope) where.orgId = db().command.in(scope);
      }
      const page = await fetchPage(
        db().collection(COLLECTIONS.lectures).where(where),
        [['updatedAt', 'desc']],
        input,
        (l: LectureDoc) => l,
      );
      const stats = await lectureStats(page.items.map((l) => l._id));
      return { ...page, items: page.items.map((l) => toLectureAdminView(l, stats.get(l._id) ?? EMPTY_STATS)) };
    },
  },

  adminGetLecture: {
    access: 'admin',
    input: z.strictObject({ id: id() }),
    async run({ caller }, input) {
      const l = await requireLecture(input.id);
      await requireOrgInScope(caller, l.orgId);
      return view(l);
    },
  },

  saveLecture: {
    access: 'admin',
    input: z.strictObject({
      id: id().optional(),
      title: text(60, 2),
      speaker: text(30, 1),
      speakerTitle: text(40).optional(),
      coverFileId: fileId().optional(),
      kind: z.enum(['video', 'audio', 'article']),
      mediaFileId: fileId().optional(),
      durationSec: z
        .number()
        .int()
        .min(30)
        .max(3 * 3600),
      body: z.string().max(50_000).optional(),
      series: text(30, 1),
      tags: z.array(text(12, 1)).max(8).optional(),
      quiz: z.array(quizQuestion).max(10).optional(),
      passPercent: z.number().int().min(0).max(100).optional(),
      orgId: id(),
    }),
    async run(ctx, input) {
      await requireOrgInScope(ctx.caller, input.orgId);
      if (input.kind !== 'article' && !input.mediaFileId) throw invalid('视频和音频课程需要上传媒体文件');
      const body = sanitizeBody(input.body ?? '');
      if (input.kind === 'article' && !body) throw invalid('图文课程需要填写正文');
      for (const [i, q] of (input.quiz ?? []).entries()) {
        if (q.answer >= q.options.length) throw invalid(`第 ${i + 1} 题的正确答案不在选项里`);
      }
      const fields = {
        title: input.title,
        speaker: input.speaker,
        speakerTitle: input.speakerTitle ?? '',
        coverFileId: input.coverFileId ?? '',
        kind: input.kind,
        mediaFileId: input.mediaFileId ?? '',
        durationSec: input.durationSec,
        body,
        series: input.series,
        tags: input.tags ?? [],
        quiz: input.quiz ?? [],
        passPercent: input.passPercent ?? 60,
        orgId: input.orgId,
        updatedAt: ctx.now,
      };
      const _ = db().command;
      if (input.id) {
        const existing = await requireLecture(input.id);
        await requireOrgInScope(ctx.caller, existing.orgId);
        await db()
          .collection(COLLECTIONS.lectures)
          .doc(existing._id)
          .update({ ...fields, tags: _.set(fields.tags), quiz: _.set(fields.quiz) });
        await audit(ctx, {
          action: 'saveLecture',
          targetType: 'lecture',
          targetId: existing._id,
          summary: `修改课程《${input.title}》`,
        });
        return view({ ...existing, ...fields });
      }
      const doc = { ...fields, published: false, publishedAt: null, views: 0, createdAt: ctx.now };
      const { id: newId } = (await db().collection(COLLECTIONS.lectures).add(doc)) as { id: string };
      await audit(ctx, {
        action: 'saveLecture',
        targetType: 'lecture',
        targetId: newId,
        summary: `新建课程《${input.title}》`,
      });
      return toLectureAdminView({ _id: newId, ...doc }, EMPTY_STATS);
    },
  },

  setLecturePublished: {
    access: 'admin',
    input: z.strictObject({ id: id(), published: z.boolean() }),
    async run(ctx, input) {
      const l = await requireLecture(input.id);
      await requireOrgInScope(ctx.caller, l.orgId);
      const patch = {
        published: input.published,
        publishedAt: input.published ? (l.publishedAt ?? ctx.now) : l.publishedAt,
        updatedAt: ctx.now,
      };
      await db().collection(COLLECTIONS.lectures).doc(l._id).update(patch);
      await audit(ctx, {
        action: 'setLecturePublished',
        targetType: 'lecture',
        targetId: l._id,
        summary: `${input.published ? '发布' : '下架'}课程《${l.title}》`,
      });
      return view({ ...l, ...patch });
    },
  },
} satisfies Handlers<AdminLectureActions>;
