// What a raiser does: submit a demand or a 随手拍 report (one screen: photos,
// category, an optional line, location if granted), follow their own cases, and
// confirm, rate or reopen an answer. Anyone signed in may report anonymously.
import * as z from 'zod';
import type { CasesApi } from '../../../typings/cases';
import { requireUser } from '../../_shared/caller';
import {
  categoryInfos,
  confirmCase,
  MAX_PHOTOS,
  myCase,
  myCases,
  ORGANISER_NOTICES,
  RAISER_NOTICES,
  raiserView,
  rateCase,
  reopenCase,
  reportPoints,
  submitCase,
  templateIds,
} from '../../_shared/engines/cases';
import type { Handlers } from '../../_shared/function';
import { grantsInput, recordAccepted } from '../../_shared/subscribe/grants';
import { fileId, form, id, PAGE_LABELS, pageFields, text, withRule } from '../../_shared/validation';
import { CASE_LABELS, caseCategory, caseKind, caseRating, caseState, location } from '../rules/inputs';

type RaiserActions = Pick<
  CasesApi,
  | 'caseOptions'
  | 'subscribeCaseNotices'
  | 'submitCase'
  | 'myCases'
  | 'getCase'
  | 'confirmCase'
  | 'rateCase'
  | 'reopenCase'
>;

const SUBMIT_LABELS = {
  kind: '类型',
  category: '类别',
  title: '标题',
  description: '描述',
  photos: '照片',
  location: '位置',
  address: '地址',
  anonymous: '匿名上报',
  publicOptIn: '公开展示',
  orgId: '受理组织',
  grants: '订阅消息',
};

const submitInput = withRule(
  form(
    {
      kind: caseKind(),
      category: caseCategory(),
      title: text(40, 4).optional(),
      description: text(1000).optional(),
      photos: z.array(fileId()).max(MAX_PHOTOS, `最多上传 ${MAX_PHOTOS} 张照片`).optional(),
      location: location().optional(),
      address: text(100).optional(),
      anonymous: z.boolean().optional(),
      publicOptIn: z.boolean().optional(),
      orgId: id().optional(),
      grants: grantsInput(3).optional(),
    },
    SUBMIT_LABELS,
  ),
  (v) => {
    if (v.kind === 'demand') {
      if (!v.title) return { field: 'title', message: '诉求请用 4–40 个字概括' };
      if (!v.description || v.description.length < 10)
        return { field: 'description', message: '请说明遇到的情况和诉求（至少 10 个字）' };
      if (v.anonymous) return { field: 'anonymous', message: '诉求需要实名提交，便于联系和答复' };
    }
    if (v.kind === 'report' && !v.photos?.length) return { field: 'photos', message: '随手拍请至少上传 1 张照片' };
    return null;
  },
);

const caseId = form({ caseId: id() }, { caseId: CASE_LABELS.caseId });

export const raiserHandlers = {
  caseOptions: {
    access: 'public',
    input: form({}, {}),
    async run() {
      return {
        categories: categoryInfos(),
        maxPhotos: MAX_PHOTOS,
        raiserTemplates: { templateIds: templateIds(RAISER_NOTICES) },
        organiserTemplates: { templateIds: templateIds(ORGANISER_NOTICES) },
        reportPoints: reportPoints(),
      };
    },
  },

  subscribeCaseNotices: {
    access: 'user',
    input: form({ grants: grantsInput(3) }, { grants: '订阅消息' }),
    async run({ caller, now }, input) {
      const ours = [...templateIds(RAISER_NOTICES), ...templateIds(ORGANISER_NOTICES)];
      return recordAccepted(requireUser(caller)._id, input.grants, ours, now);
    },
  },

  submitCase: {
    access: 'user',
    input: submitInput,
    async run(ctx, input) {
      return raiserView(await submitCase(ctx, input), ctx.now);
    },
  },

  myCases: {
    access: 'user',
    input: form(
      { kind: caseKind().optional(), state: caseState().optional(), ...pageFields },
      { kind: '类型', state: '状态', ...PAGE_LABELS },
    ),
    run: (ctx, input) => myCases(ctx, input),
  },

  getCase: {
    access: 'user',
    input: caseId,
    run: (ctx, input) => myCase(ctx, input.caseId),
  },

  confirmCase: {
    access: 'user',
    input: form(
      { caseId: id(), rating: caseRating().optional(), comment: text(200).optional() },
      { caseId: CASE_LABELS.caseId, rating: '评价', comment: '评价说明' },
    ),
    async run(ctx, input) {
      return raiserView(await confirmCase(ctx, input.caseId, input), ctx.now);
    },
  },

  rateCase: {
    access: 'user',
    input: form(
      { caseId: id(), rating: caseRating(), comment: text(200).optional() },
      { caseId: CASE_LABELS.caseId, rating: '评价', comment: '评价说明' },
    ),
    async run(ctx, input) {
      return raiserView(await rateCase(ctx, input.caseId, input), ctx.now);
    },
  },

  reopenCase: {
    access: 'user',
    input: form({ caseId: id(), reason: text(500, 5) }, { caseId: CASE_LABELS.caseId, reason: '不满意的原因' }),
    async run(ctx, input) {
      return raiserView(await reopenCase(ctx, input.caseId, input), ctx.now);
    },
  },
} satisfies Handlers<RaiserActions>;
