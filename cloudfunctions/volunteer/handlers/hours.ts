// A member's hours: the summary and the records, their claims and self-reports,
// reporting a service of their own (text, span, photos → a pending claim), and
// the monthly statement (hours of the month, points in and out from the ledger).
import * as z from 'zod';
import type { VolunteerTeamApi } from '../../../typings/volunteer-team';
import { requireUser } from '../../_shared/caller';
import { checkTexts, PUBLISHED } from '../../_shared/content-check';
import { invalid } from '../../_shared/errors';
import { acceptFiles, downloadUrlsById, FILE_RULES } from '../../_shared/files';
import type { Handlers } from '../../_shared/function';
import { ledgerBetween } from '../../_shared/stores/points';
import { requireOrg } from '../../_shared/stores/orgs';
import {
  fileId,
  form,
  id,
  inOrder,
  isoDateTime,
  PAGE_LABELS,
  pageFields,
  text,
  withRule,
} from '../../_shared/validation';
import { requireApproved } from '../domain/membership';
import { randomId } from '../domain/ids';
import { minutesOf, summaryOf } from '../rules/hours';
import { REPORT_TYPE_LABELS, REPORT_TYPES } from '../rules/labels';
import { isMonthKey, monthRange } from '../rules/months';
import { toClaim, toHours } from '../rules/views';
import { insertClaim, pageOfUser as claimsOfUser } from '../store/claims';
import { ofUserMonth, pageOfUser as hoursOfUser } from '../store/hours';
import { getMember } from '../store/members';

const HOUR = 3_600_000;
/** A self-reported service lasts at most this long and lies at most this far back. */
const MAX_SPAN_H = 12;
const MAX_AGE_DAYS = 30;
const MAX_PHOTOS = 9;
/** Ledger entries a statement sums (and shows at most 200 of). */
const LEDGER_LIMIT = 1000;

const SERVICE_LABELS = {
  serviceType: '服务类型',
  text: '服务内容',
  startAt: '开始时间',
  endAt: '结束时间',
  photos: '照片',
  orgId: '审核组织',
};

const serviceInput = withRule(
  form(
    {
      serviceType: z.enum(REPORT_TYPES),
      text: text(500, 10),
      startAt: isoDateTime(),
      endAt: isoDateTime(),
      photos: z.array(fileId()).min(1, '请至少上传 1 张照片').max(MAX_PHOTOS, `最多上传 ${MAX_PHOTOS} 张照片`),
      orgId: id().optional(),
    },
    SERVICE_LABELS,
  ),
  (v) => {
    const order = inOrder(['startAt', 'endAt'], SERVICE_LABELS)(v);
    if (order) return order;
    if (Date.parse(v.endAt) - Date.parse(v.startAt) > MAX_SPAN_H * HOUR)
      return { field: 'endAt', message: `一次服务最长 ${MAX_SPAN_H} 小时` };
    if (new Set(v.photos).size !== v.photos.length) return { field: 'photos', message: '不能重复' };
    return null;
  },
);

type HoursActions = Pick<VolunteerTeamApi, 'myHours' | 'submitService' | 'myClaims' | 'myStatement'>;

export const hoursHandlers = {
  myHours: {
    access: 'worker',
    input: form(pageFields, PAGE_LABELS),
    async run({ caller }, input) {
      const userId = requireUser(caller)._id;
      const [member, records] = await Promise.all([getMember(userId), hoursOfUser(userId, input)]);
      return {
        summary: summaryOf(member?.creditMinutes ?? 0, member?.honorMinutes ?? 0),
        records: { ...records, items: records.items.map(toHours) },
      };
    },
  },

  submitService: {
    access: 'worker',
    input: serviceInput,
    async run(ctx, input) {
      const member = await requireApproved(ctx);
      const span = { startAt: new Date(input.startAt), endAt: new Date(input.endAt) };
      if (span.endAt > ctx.now) throw invalid('输入有误「结束时间」：只能上报已经完成的服务');
      if (span.startAt.getTime() < ctx.now.getTime() - MAX_AGE_DAYS * 24 * HOUR)
        throw invalid(`输入有误「开始时间」：只能上报最近 ${MAX_AGE_DAYS} 天内的服务`);
      const orgId = input.orgId ?? member.orgId;
      if (!member.orgPath.includes(orgId)) throw invalid('输入有误「审核组织」：请选择你所在的组织或它的上级组织');
      const org = await requireOrg(orgId);
      await checkTexts(ctx.caller.openid, [['服务内容', input.text]], PUBLISHED);
      await acceptFiles(ctx.caller, input.photos, FILE_RULES.volunteerPhoto);
      const label = REPORT_TYPE_LABELS[input.serviceType];
      const claim = {
        _id: randomId('sv'),
        kind: 'service' as const,
        state: 'pending' as const,
        userId: member._id,
        activityId: null,
        title: `${label}：${Array.from(input.text).slice(0, 16).join('')}`,
        serviceType: input.serviceType,
        text: input.text,
        ...span,
        maxMinutes: minutesOf(span),
        photos: input.photos,
        orgId: org._id,
        orgName: org.name,
        orgPath: [...org.ancestors, org._id],
        grantedMinutes: 0,
        reviewReason: '',
        reviewedBy: null,
        reviewedAt: null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      await insertClaim(claim);
      return toClaim(claim, await downloadUrlsById(claim.photos));
    },
  },

  myClaims: {
    access: 'worker',
    input: form(pageFields, PAGE_LABELS),
    async run({ caller }, input) {
      const page = await claimsOfUser(requireUser(caller)._id, input);
      const urls = await downloadUrlsById(page.items.flatMap((c) => c.photos));
      return { ...page, items: page.items.map((c) => toClaim(c, urls)) };
    },
  },

  myStatement: {
    access: 'worker',
    input: form({ month: z.string().max(7).refine(isMonthKey, '月份格式应为 YYYY-MM') }, { month: '月份' }),
    async run({ caller }, input) {
      const user = requireUser(caller);
      const { from, to } = monthRange(input.month);
      const [records, ledger] = await Promise.all([
        ofUserMonth(user._id, input.month),
        ledgerBetween(user._id, from, to, LEDGER_LIMIT),
      ]);
      const sum = (kind: 'credit' | 'honor') =>
        records.filter((r) => r.kind === kind).reduce((n, r) => n + r.minutes, 0);
      const earned = ledger.filter((e) => e.amount > 0).reduce((n, e) => n + e.amount, 0);
      const spent = ledger.filter((e) => e.amount < 0).reduce((n, e) => n - e.amount, 0);
      return {
        month: input.month,
        creditMinutes: sum('credit'),
        honorMinutes: sum('honor'),
        records: records.map(toHours),
        points: { earned, spent, net: earned - spent, entries: ledger.slice(0, 200) },
        balance: user.points?.balance ?? 0,
      };
    },
  },
} satisfies Handlers<HoursActions>;
