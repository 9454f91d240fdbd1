// What anyone may see: the public board of answered cases (实事共办) without any
// personal data; and the one action WeChat itself calls — the message push of a
// photo's media-check verdict (消息推送 → this function, event wxa_media_check,
// see scripts/manifests/message-push.ts). A push names a trace id only the server
// ever saw, so a forged one matches no photo.
import * as z from 'zod';
import type { CasesApi } from '../../../typings/cases';
import { applyVerdict, board } from '../../_shared/engines/cases';
import type { Handlers } from '../../_shared/function';
import { form, id, PAGE_LABELS, pageFields, text } from '../../_shared/validation';
import { caseCategory, caseKind } from '../rules/inputs';

const short = (n = 64) => z.string().max(n);
const int = () => z.number().int().min(-1_000_000_000).max(10_000_000_000);

const detail = form(
  {
    strategy: short().optional(),
    errcode: int().optional(),
    suggest: short().optional(),
    label: int().optional(),
    prob: int().optional(),
    keyword: short(200).optional(),
  },
  { strategy: '策略', errcode: '错误码', suggest: '建议', label: '标签', prob: '置信度', keyword: '命中词' },
);

const pushInput = form(
  {
    ToUserName: short().optional(),
    FromUserName: short().optional(),
    CreateTime: int().optional(),
    MsgType: short().optional(),
    Event: short().optional(),
    appid: short().optional(),
    trace_id: z
      .string()
      .max(64)
      .regex(/^[A-Za-z0-9_-]{8,64}$/, '追踪编号格式不正确'),
    version: int().optional(),
    detail: z.array(detail).max(20).optional(),
    errcode: int().optional(),
    errmsg: text(200).optional(),
    result: form({ suggest: short(), label: int().optional() }, { suggest: '建议', label: '标签' }),
  },
  {
    ToUserName: '接收方',
    FromUserName: '发送方',
    CreateTime: '时间',
    MsgType: '消息类型',
    Event: '事件',
    appid: '小程序',
    trace_id: '追踪编号',
    version: '版本',
    detail: '检测详情',
    errcode: '错误码',
    errmsg: '错误信息',
    result: '检测结果',
  },
);

export const publicHandlers = {
  publicBoard: {
    access: 'public',
    input: form(
      { kind: caseKind().optional(), category: caseCategory().optional(), orgId: id().optional(), ...pageFields },
      { kind: '类型', category: '类别', orgId: '组织', ...PAGE_LABELS },
    ),
    run: (_ctx, input) => board(input),
  },

  mediaCheckResult: {
    access: 'public',
    input: pushInput,
    run: (ctx, input) => applyVerdict(input, ctx.now),
  },
} satisfies Handlers<Pick<CasesApi, 'publicBoard' | 'mediaCheckResult'>>;
