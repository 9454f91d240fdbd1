// Input schemas: zod gives both the runtime check and the TypeScript type. Every
// object is strict (unknown keys refused) and built with `form`, which gives each
// field its Chinese label; every string is bounded; ids are plain tokens, so
// `{"$gt": ""}` or "$where" can never reach a query.
//
// Messages are ours, never zod's: `issueMessage` words every issue in Chinese and
// `parseInput` names the field by its label — "「姓名」至少 2 个字", not
// "realName: Too small". A test walks every action's schema for missing labels.
import * as z from 'zod';
import { AppError } from './errors';

type Issue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  array: '列表',
  object: '一组信息',
  date: '日期',
  null: '空值',
};

/** The Chinese wording of an issue, without the field (parseInput puts the label in front). */
function issueMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '必须填写' : `应为${TYPE_NAMES[issue.expected] ?? '正确的格式'}`;
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n <= 1 ? '不能为空' : `至少 ${n} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少选择 ${n} 项`;
      return issue.inclusive === false ? `应大于 ${n}` : `不能小于 ${n}`;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return `不能超过 ${n} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${n} 项`;
      return issue.inclusive === false ? `应小于 ${n}` : `不能大于 ${n}`;
    }
    case 'invalid_format':
      return issue.format === 'datetime' ? '应为有效的时间' : '格式不正确';
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的整数倍`;
    case 'invalid_value':
      return '请从给出的选项中选择';
    case 'unrecognized_keys':
      return `包含不支持的内容（${issue.keys.join('、')}），请更新小程序后重试`;
    default:
      return '格式不正确';
  }
}

z.config({ customError: (issue) => issueMessage(issue as Issue) });

// ---- labels -------------------------------------------------------------

const LABELS = new WeakMap<object, Record<string, string>>();

/**
 * A strict object whose every field has a Chinese label (the type requires one
 * per key): `form({ realName: text(20, 2) }, { realName: '姓名' })`.
 */
export function form<S extends z.core.$ZodLooseShape>(shape: S, labels: { [K in keyof S]: string }) {
  const schema = z.strictObject(shape);
  LABELS.set(schema, labels);
  return schema;
}

/** A form's labels (undefined for an object not made by `form`). */
export function labelsOf(schema: z.ZodType): Record<string, string> | undefined {
  return LABELS.get(schema);
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema with wrappers (optional, nullable, default, pipe…) peeled off. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = defOf(s);
    if (def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = defOf(def.in).type === 'transform' ? def.out! : def.in;
    else return s;
  }
}

/** Child schemas to descend into: an object's fields, an array's element, a union's options. */
export function childrenOf(schema: z.ZodType): { key: string | number; schema: z.ZodType }[] {
  const s = unwrap(schema);
  const def = defOf(s);
  if (def.type === 'object' && def.shape) return Object.entries(def.shape).map(([key, c]) => ({ key, schema: c }));
  if (def.type === 'array' && def.element) return [{ key: 0, schema: def.element }];
  if (def.type === 'union' && def.options) return def.options.map((o) => ({ key: 0, schema: o }));
  return [];
}

export function isObjectSchema(schema: z.ZodType): boolean {
  return defOf(unwrap(schema)).type === 'object';
}

/** "评选类别 第 2 项 的 类别代码" for a path such as ['categories', 1, 'key']. */
function describePath(root: z.ZodType, path: PropertyKey[]): string {
  const parts: string[] = [];
  let schema: z.ZodType | undefined = root;
  for (const key of path) {
    if (!schema) break;
    const s = unwrap(schema);
    const def = defOf(s);
    if (typeof key === 'number') {
      parts.push(`第 ${key + 1} 项`);
      schema = def.element;
      continue;
    }
    const label = LABELS.get(s)?.[String(key)];
    // Unlabelled keys are a bug the schema test catches; never show the English name.
    parts.push(label ?? '其中一项');
    schema = def.shape?.[String(key)];
  }
  return parts.join('的');
}

// ---- field kinds --------------------------------------------------------------

/**
 * What a field means beyond its type. Each helper below marks the schema it makes,
 * so a walk over an action's input (the generated bad-input suite, the schema
 * policy test) knows a day from any other string and sends it 2099-99-99.
 */
export type FieldKind = 'id' | 'voterKey' | 'categoryKey' | 'text' | 'day' | 'datetime' | 'phone' | 'fileId';

const KINDS = new WeakMap<object, FieldKind>();

function marked<T extends z.ZodType>(kind: FieldKind, schema: T): T {
  KINDS.set(schema, kind);
  return schema;
}

/** The kind of a field made by one of the helpers below (wrappers such as optional peeled off). */
export function kindOf(schema: z.ZodType): FieldKind | undefined {
  let s: z.ZodType = schema;
  for (;;) {
    const k = KINDS.get(s);
    if (k) return k;
    const inner = defOf(s).innerType;
    if (!inner) return KINDS.get(unwrap(s));
    s = inner;
  }
}

// ---- field helpers --------------------------------------------------------

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Document ids: what CloudBase and the emulator generate, plus our own readable ids. */
export const id = () => marked('id', z.string().regex(ID, '编号格式不正确'));

/** A voter as ballots record them (the WeChat openid): letters, digits, - and _. */
export const voterKey = () => marked('voterKey', z.string().regex(ID, '投票人编号格式不正确'));

/** A short code chosen by an organiser (e.g. a category key): a lower-case letter, then letters, digits or _. */
export const categoryKey = () =>
  marked('categoryKey', z.string().regex(/^[a-z][a-z0-9_]{1,19}$/, '类别代码为小写字母开头的 2–20 位'));

/** Trimmed text with a length range; control characters refused. */
export const text = (max: number, min = 0) =>
  marked(
    'text',
    z
      .string()
      .trim()
      .min(min, min > 1 ? `至少 ${min} 个字` : min > 0 ? '不能为空' : undefined)
      .max(max, `不能超过 ${max} 个字`)
      // eslint-disable-next-line no-control-regex -- refusing control characters is the point
      .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), '包含不可见的控制字符'),
  );

/** Whether "YYYY-MM-DD" names a day that exists (no 2026-02-30, no 2099-99-99). */
export function isCalendarDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A Beijing calendar day, "YYYY-MM-DD", that exists. */
export const dayKey = () =>
  marked(
    'day',
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
      .refine(isCalendarDay, '不是有效的日期'),
  );

/** An instant as ISO 8601 with a time zone ("2026-11-28T09:00:00+08:00"); days and times that do not exist refused. */
export const isoDateTime = () =>
  // Bounded: the format alone would take any number of fractional-second digits.
  marked('datetime', z.iso.datetime({ offset: true, message: '请填写有效的时间' }).max(40, '请填写有效的时间'));

export const chinaMobile = () => marked('phone', z.string().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号'));

/** A contact number of a place (landline or mobile): 7–20 digits and dashes. */
export const contactPhone = () => marked('phone', z.string().regex(/^[0-9-]{7,20}$/, '电话格式不正确'));

/** A cloud storage file id (cloud://…). What the file may be is checked by _shared/files.ts. */
export const fileId = () =>
  marked(
    'fileId',
    z
      .string()
      .max(512)
      .regex(/^cloud:\/\/[^\s]+$/, '文件编号格式不正确'),
  );

export const page = () => z.number().int().min(1).max(10_000).optional();
export const pageSize = () => z.number().int().min(1).max(50).optional();
export const pageFields = { page: page(), pageSize: pageSize() };
export const PAGE_LABELS = { page: '页码', pageSize: '每页条数' } as const;

// ---- rules across fields ------------------------------------------------------

/** A problem found across a form's fields: the field to name (its label is shown) and what is wrong. */
export interface FormProblem {
  field: string;
  message: string;
}

/**
 * A form with a rule across its fields (start before end, weights adding up…),
 * checked with the schema so that nothing reaches the action while it is broken.
 * The rule runs only once every field is valid on its own.
 */
export function withRule<T extends z.ZodObject>(schema: T, rule: (value: z.output<T>) => FormProblem | null): T {
  const refined = schema.superRefine((value, ctx) => {
    const problem = rule(value);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  });
  const labels = LABELS.get(schema);
  if (labels) LABELS.set(refined, labels);
  return refined;
}

/**
 * Fields that must come in order (each later than the one before; equal allowed
 * with `orEqual`), compared as the values they hold: days as "YYYY-MM-DD",
 * instants by time. Absent fields are skipped.
 */
export function inOrder(fields: string[], labels: Record<string, string>, opts: { orEqual?: boolean } = {}) {
  return (value: Record<string, unknown>): FormProblem | null => {
    const present = fields.filter((f) => value[f] !== undefined && value[f] !== null);
    for (let i = 1; i < present.length; i++) {
      const [a, b] = [present[i - 1]!, present[i]!];
      const [x, y] = [orderValue(value[a]), orderValue(value[b])];
      if (opts.orEqual ? y < x : y <= x)
        return { field: b, message: `应${opts.orEqual ? '不早于' : '晚于'}「${labels[a] ?? a}」` };
    }
    return null;
  };
}

const orderValue = (v: unknown) => (typeof v === 'string' && v.includes('T') ? Date.parse(v) : String(v));

// ---- parsing ----------------------------------------------------------------

/** Keys a client may send but that must never mean anything: identity comes from the platform. */
const IGNORED_KEYS = ['openid', '_openid', 'OPENID', 'role', 'roles', 'userInfo'];

function stripIgnored(data: unknown): unknown {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const k of IGNORED_KEYS) delete copy[k];
  return copy;
}

/** Validates `data` against the action's schema, or throws INVALID_ARGUMENT naming the field in Chinese. */
export function parseInput<T>(schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(stripIgnored(data ?? {}));
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (!issue.path.length) {
    const what = issue.code === 'invalid_type' ? '请求的内容格式不正确' : issue.message;
    throw new AppError('INVALID_ARGUMENT', `输入有误：${what}`);
  }
  const field = describePath(schema, issue.path);
  if (issue.code === 'invalid_type' && issue.message === '必须填写')
    throw new AppError('INVALID_ARGUMENT', `请填写「${field}」`);
  throw new AppError('INVALID_ARGUMENT', `输入有误「${field}」：${issue.message}`);
}
