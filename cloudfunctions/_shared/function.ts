// A cloud function = a typed map of actions. Each call: read the caller from the
// platform → check access (before looking at any input) → validate input → run the
// domain logic → reply { ok, data } or { ok: false, code, message }. Unknown
// actions, bugs and timeouts never leak a stack trace: they become a code, and
// INTERNAL carries a request id that is also logged.
import type { z } from 'zod';
import type { ActionSpec } from '../../typings/common';
import type { Reply } from '../../typings/errors';
import { type Access, authorize, type Caller, readContext, resolveCaller } from './caller';
import { nowFrom } from './clock';
import { AppError } from './errors';
import { parseInput } from './validation';

export interface ActionContext {
  caller: Caller;
  /** Server time of this call (pinned by the emulator in tests). */
  now: Date;
  requestId: string;
  log(message: string, extra?: Record<string, unknown>): void;
}

export interface ActionDef<Req, Res> {
  access: Access;
  input: z.ZodType<Req>;
  run(ctx: ActionContext, input: Req): Promise<Res>;
}

type ReqOf<S> = S extends ActionSpec<infer R, unknown> ? R : never;
type ResOf<S> = S extends ActionSpec<unknown, infer R> ? R : never;
type AccessOf<S> = S extends ActionSpec<unknown, unknown, infer X> ? X : never;

/**
 * One definition per action of an API from typings/ — a renamed field, or an
 * access level other than the contract's, breaks the build.
 */
export type Handlers<A> = { [K in keyof A]: ActionDef<ReqOf<A[K]>, ResOf<A[K]>> & { access: AccessOf<A[K]> } };

/** Time left to reply before the platform kills the function (ms). */
const DEFAULT_BUDGET_MS = 15_000;
const MARGIN_MS = 1_500;

export type CloudFunctionMain = (event: unknown, context: unknown) => Promise<Reply<unknown>>;

export interface FunctionOptions<A> {
  /**
   * The action a timer trigger runs (a timer event carries no action). Only the
   * platform's timer reaches it: give it `access: 'timer'`.
   */
  timerAction?: keyof A & string;
  /**
   * WeChat message pushes (消息推送 to this function) by event name, e.g.
   * { wxa_media_check: 'mediaCheckResult' }: a push carries no action, so its
   * event names it and the whole push is the action's input.
   */
  pushActions?: Record<string, keyof A & string>;
}

/** Why an event names no action we know, in words a developer can act on. */
function unknownAction(event: unknown): AppError {
  const action = (event as { action?: unknown } | null)?.action;
  if (action === undefined || action === null || action === '')
    return new AppError('UNKNOWN_ACTION', '请求缺少操作名称（action）');
  if (typeof action !== 'string')
    return new AppError('UNKNOWN_ACTION', `操作名称（action）应为文字，收到的是${typeName(action)}`);
  return new AppError('UNKNOWN_ACTION', `不支持的操作：${action.slice(0, 60)}`);
}

function typeName(v: unknown): string {
  if (Array.isArray(v)) return '列表';
  return { number: '数字', boolean: '是或否', object: '对象' }[typeof v as string] ?? typeof v;
}

const isTimerEvent = (event: unknown) => (event as { Type?: unknown } | null)?.Type === 'Timer';

/** The action a message push runs, when the event is one (no action, MsgType event, a known Event). */
function pushAction(event: unknown, actions: Record<string, string> | undefined): string | undefined {
  const e = event as { action?: unknown; MsgType?: unknown; Event?: unknown } | null;
  if (!actions || !e || e.action !== undefined || e.MsgType !== 'event' || typeof e.Event !== 'string')
    return undefined;
  return Object.prototype.hasOwnProperty.call(actions, e.Event) ? actions[e.Event] : undefined;
}

export function createFunction<A>(
  name: string,
  handlers: Handlers<A>,
  options: FunctionOptions<A> = {},
): CloudFunctionMain {
  const actions = handlers as Record<string, ActionDef<unknown, unknown>>;
  return async function main(event, context) {
    const platform = readContext(context);
    const { requestId } = platform;
    const started = Date.now();
    const timer = options.timerAction && isTimerEvent(event);
    const pushed = pushAction(event, options.pushActions as Record<string, string> | undefined);
    const requested = timer ? options.timerAction : (pushed ?? (event as { action?: unknown } | null)?.action);
    const actionName = typeof requested === 'string' ? requested : '';
    const log = (message: string, extra: Record<string, unknown> = {}) =>
      console.log(JSON.stringify({ fn: name, action: actionName, requestId, message, ...extra }));

    const run = async (): Promise<Reply<unknown>> => {
      const def = Object.prototype.hasOwnProperty.call(actions, actionName) ? actions[actionName] : undefined;
      if (!def) throw unknownAction(event);
      const caller = await resolveCaller(platform, def.access !== 'public' && def.access !== 'timer');
      authorize(def.access, caller);
      const input = parseInput(def.input, timer ? {} : pushed ? event : (event as { data?: unknown }).data);
      const data = await def.run({ caller, now: nowFrom(platform.env), requestId, log }, input);
      return { ok: true, data: data ?? null };
    };

    const budget = Number((context as { time_limit_in_ms?: unknown })?.time_limit_in_ms) || DEFAULT_BUDGET_MS;
    let alarm: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      alarm = setTimeout(() => reject(new DeadlineExceeded()), Math.max(1_000, budget - MARGIN_MS));
    });
    try {
      const reply = await Promise.race([run(), deadline]);
      log('ok', { ms: Date.now() - started });
      return reply;
    } catch (err) {
      if (err instanceof AppError) {
        log('refused', { code: err.code, ms: Date.now() - started });
        return { ok: false, code: err.code, message: err.message };
      }
      console.error(
        JSON.stringify({
          fn: name,
          action: actionName,
          requestId,
          message: 'internal error',
          error: String((err as Error)?.stack ?? err),
        }),
      );
      const why = err instanceof DeadlineExceeded ? '处理超时' : '服务开小差了';
      return { ok: false, code: 'INTERNAL', message: `${why}，请稍后再试（编号 ${requestId}）`, requestId };
    } finally {
      clearTimeout(alarm);
    }
  };
}

class DeadlineExceeded extends Error {
  constructor() {
    super('deadline exceeded');
  }
}
