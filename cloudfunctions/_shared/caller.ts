// Who is calling: identity only from the platform (the invocation context), never
// from the request body; the user and roles looked up from it.
import type { Access } from '../../typings/common';
import type { Role } from '../../typings/user';
import { AppError, forbidden } from './errors';
import { rolesOf, superadminOpenids } from './roles';
import { tcb } from './sdk';
import { findUserByOpenid, type UserDoc } from './stores/users';

/** Who may call an action (declared in each action's contract, typings/common.ts). */
export type { Access };

export interface Caller {
  openid: string;
  appid: string;
  clientIp: string;
  /** Timer trigger (no end user). */
  isTimer: boolean;
  user: UserDoc | null;
  roles: Role[];
  isSuperadmin: boolean;
}

export interface PlatformContext {
  env: Record<string, unknown>;
  requestId: string;
}

export function readContext(context: unknown): PlatformContext {
  let env: Record<string, unknown> = {};
  try {
    env = tcb.getCloudbaseContext(context as never) as unknown as Record<string, unknown>;
  } catch {
    env = {};
  }
  const requestId = String((context as { request_id?: unknown } | null)?.request_id ?? '') || randomId();
  return { env, requestId };
}

function randomId(): string {
  return Math.random().toString(16).slice(2, 14);
}

export async function resolveCaller(ctx: PlatformContext, needsUser: boolean): Promise<Caller> {
  const str = (k: string) => (typeof ctx.env[k] === 'string' ? (ctx.env[k] as string) : '');
  const openid = str('WX_OPENID');
  const isTimer = str('TRIGGER_SRC') === 'timer';
  const isSuperadmin = !!openid && superadminOpenids().has(openid);
  const user = needsUser && openid ? await findUserByOpenid(openid) : null;
  return {
    openid,
    appid: str('WX_APPID'),
    clientIp: str('WX_CLIENTIP'),
    isTimer,
    user,
    roles: rolesOf(user, isSuperadmin),
    isSuperadmin,
  };
}

/** Throws unless the caller may use an action of this access level. Checked before any input. */
export function authorize(access: Access, caller: Caller): void {
  if (access === 'timer') {
    if (!caller.isTimer) throw forbidden('该操作只由定时任务执行');
    return;
  }
  if (access === 'public') return;
  if (!caller.openid) throw new AppError('UNAUTHENTICATED', '无法识别用户身份，请在微信中打开小程序');
  if (!caller.user) throw new AppError('UNAUTHENTICATED', '请先登录');
  switch (access) {
    case 'user':
      return;
    case 'worker':
      if (!caller.roles.includes('worker')) throw new AppError('NOT_REGISTERED', '请先完成新就业群体信息登记');
      return;
    case 'member':
      if (!caller.roles.includes('member')) throw forbidden('该功能仅对已认证的党员开放');
      return;
    case 'admin':
      if (!caller.roles.includes('admin') && !caller.isSuperadmin) throw forbidden('仅管理员可以操作');
      return;
    case 'superadmin':
      if (!caller.isSuperadmin) throw forbidden('仅超级管理员可以操作');
      return;
  }
}

export function requireUser(caller: Caller): UserDoc {
  if (!caller.user) throw new AppError('UNAUTHENTICATED', '请先登录');
  return caller.user;
}
