// The organiser's side of micro lectures: author, publish, and see who studies.
import type { LectureAdminView, StudyApi } from '../../../typings/study';
import { checkTexts, PUBLISHED } from '../../_shared/content-check';
import { invalid } from '../../_shared/errors';
import { acceptFile, FILE_RULES } from '../../_shared/files';
import type { Handlers } from '../../_shared/function';
import { orgIdsInScope, requireOrgInScope } from '../../_shared/scope';
import { audit } from '../../_shared/stores/audit';
import * as z from 'zod';
import { fileId, form, id, PAGE_LABELS, pageFields, text } from '../../_shared/validation';
import {
  createLecture,
  type LectureDoc,
  type LectureFields,
  listOwned,
  requireLecture,
  setPublished,
  updateLecture,
} from '../store/lectures';
import { lectureStats } from '../store/progress';
import { sanitizeBody, textOf } from '../rules/sanitize';
import { toLectureAdminView } from '../rules/views';

async function view(l: LectureDoc): Promise<LectureAdminView> {
  return toLectureAdminView(l, (await lectureStats([l._id])).get(l._id));
}

const quizQuestion = form(
  {
    question: text(200, 2),
    options: z.array(text(100, 1)).min(2).max(6),
    answer: z.number().int().min(0).max(5),
  },
  { question: '题目', options: '选项', answer: '正确答案' },
);

type AdminLectureActions = Pick<
  StudyApi,
  'adminListLectures' | 'adminGetLecture' | 'saveLecture' | 'setLecturePublished'
>;

export const lectureAdminHandlers = {
  adminListLectures: {
    access: 'admin',
    input: form(
      { keyword: text(30).optional(), orgId: id().optional(), ...pageFields },
      { keyword: '关键词', orgId: '所属组织', ...PAGE_LABELS },
    ),
    async run({ caller }, input) {
      if (input.orgId) await requireOrgInScope(caller, input.orgId);
      // Only lectures owned by orgs the admin administers (drafts and quiz answers included).
      const orgIds = input.orgId ? [input.orgId] : await orgIdsInScope(caller);
      const page = await listOwned({ keyword: input.keyword, orgIds }, input);
      const stats = await lectureStats(page.items.map((l) => l._id));
      return { ...page, items: page.items.map((l) => toLectureAdminView(l, stats.get(l._id))) };
    },
  },

  adminGetLecture: {
    access: 'admin',
    input: form({ id: id() }, { id: '课程编号' }),
    async run({ caller }, input) {
      const l = await requireLecture(input.id);
      await requireOrgInScope(caller, l.orgId);
      return view(l);
    },
  },

  saveLecture: {
    access: 'admin',
    input: form(
      {
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
        body: text(50_000).optional(),
        series: text(30, 1),
        tags: z.array(text(12, 1)).max(8).optional(),
        quiz: z.array(quizQuestion).max(10).optional(),
        passPercent: z.number().int().min(0).max(100).optional(),
        orgId: id(),
      },
      {
        id: '课程编号',
        title: '课程标题',
        speaker: '主讲人',
        speakerTitle: '主讲人职务',
        coverFileId: '封面',
        kind: '课程类型',
        mediaFileId: '媒体文件',
        durationSec: '时长（秒）',
        body: '正文',
        series: '系列',
        tags: '标签',
        quiz: '测验',
        passPercent: '及格分数',
        orgId: '所属组织',
      },
    ),
    async run(ctx, input) {
      await requireOrgInScope(ctx.caller, input.orgId);
      const existing = input.id ? await requireLecture(input.id) : null;
      if (existing) await requireOrgInScope(ctx.caller, existing.orgId);
      if (input.kind !== 'article' && !input.mediaFileId) throw invalid('视频和音频课程需要上传媒体文件');
      const body = sanitizeBody(input.body ?? '');
      if (input.kind === 'article' && !body) throw invalid('图文课程需要填写正文');
      for (const [i, q] of (input.quiz ?? []).entries()) {
        if (q.answer >= q.options.length) throw invalid(`第 ${i + 1} 题的正确答案不在选项里`);
      }
      // Files already the lecture's were accepted when they were first saved.
      if (input.coverFileId && input.coverFileId !== existing?.coverFileId)
        await acceptFile(ctx.caller, input.coverFileId, FILE_RULES.lectureCover);
      if (input.kind !== 'article' && input.mediaFileId && input.mediaFileId !== existing?.mediaFileId)
        await acceptFile(ctx.caller, input.mediaFileId, { ...FILE_RULES.lectureMedia, kinds: [input.kind] });
      await checkTexts(
        ctx.caller.openid,
        [
          ['课程标题', input.title],
          ['主讲人', input.speaker],
          ['主讲人职务', input.speakerTitle],
          ['系列', input.series],
          ['标签', input.tags?.join('、')],
          ['正文', textOf(body)],
          ...(input.quiz ?? []).flatMap((q, i): [string, string][] => [
            [`测验第 ${i + 1} 题的题目`, q.question],
            [`测验第 ${i + 1} 题的选项`, q.options.join('\n')],
          ]),
        ],
        PUBLISHED,
      );
      const fields: LectureFields = {
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
      if (existing) {
        await updateLecture(existing._id, fields);
        await audit(ctx, {
          action: 'saveLecture',
          targetType: 'lecture',
          targetId: existing._id,
          summary: `修改课程《${input.title}》`,
        });
        return view({ ...existing, ...fields });
      }
      const created = await createLecture(fields, ctx.now);
      await audit(ctx, {
        action: 'saveLecture',
        targetType: 'lecture',
        targetId: created._id,
        summary: `新建课程《${input.title}》`,
      });
      return toLectureAdminView(created);
    },
  },

  setLecturePublished: {
    access: 'admin',
    input: form({ id: id(), published: z.boolean() }, { id: '课程编号', published: '是否发布' }),
    async run(ctx, input) {
      const l = await requireLecture(input.id);
      await requireOrgInScope(ctx.caller, l.orgId);
      const patch = {
        published: input.published,
        publishedAt: input.published ? (l.publishedAt ?? ctx.now) : l.publishedAt,
        updatedAt: ctx.now,
      };
      await setPublished(l._id, patch);
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
