// Input schemas: zod gives both the runtime check and the TypeScript type. Every
// object is strict (unknown keys refused), every string bounded; ids are plain
// tokens, so `{"$gt": ""}` or "$where" can never reach a query.
import { z } from 'zod';
import { AppError } from './errors';

z.config(z.locales.zhCN());

/** Document ids: what CloudBase and the emulator generate, plus our own readable ids. */
export const id = () => z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确');

/** Trimmed text with a length range; control characters refused. */
export const text = (max: number, min = 0) =>
  z
    .string()
    .trim()
    .min(min, min > 0 ? '不能为空' : undefined)
    .max(max, `不能超过 ${max} 个字`)
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), '包含不可见的控制字符');

/** A Beijing calendar day, "YYYY-MM-DD". */
export const dayKey = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const chinaMobile = () => z.string().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号');

/** A cloud storage file id (cloud://…). */
export const fileId = () =>
  z
    .string()
    .max(512)
    .regex(/^cloud:\/\/[^\s]+$/, '文件编号格式不正确');

export const page = () => z.number().int().min(1).max(10_000).optional();
export const pageSize = () => z.number().int().min(1).max(50).optional();
export const pageFields = { page: page(), pageSize: pageSize() };

/** Keys a client may send but that must never mean anything: identity comes from the platform. */
const IGNORED_KEYS = ['openid', '_openid', 'OPENID', 'role', 'roles', 'userInfo'];

function stripIgnored(data: unknown): unknown {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const k of IGNORED_KEYS) delete copy[k];
  return copy;
}

/** Validates `data` against the action's schema, or throws INVALID_ARGUMENT naming the field. */
export function parseInput<T>(schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(stripIgnored(data ?? {}));
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? `「${issue.path.join('.')}」` : '';
  throw new AppError('INVALID_ARGUMENT', `输入有误${where}：${issue.message}`);
}

export { z };
