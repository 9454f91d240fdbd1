/** Shapes shared by many actions. Dates travel as ISO-8601 strings. */

export type IsoDate = string;

/** Offset paging with a stable order (every list also orders by _id). */
export interface PageRequest {
  /** 1-based. */
  page?: number;
  /** 1–50, default 20. */
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  hasMore: boolean;
  /** Present where counting is cheap enough to be worth it. */
  total?: number;
}

/**
 * Who may call an action; the function checks it before it reads any input.
 * public: anyone, even without a WeChat identity; user: a signed-in user (logged in
 * once); worker: a registered new-employment worker; member: a verified party
 * member; admin: an admin of some org (the target's org is checked by the action);
 * superadmin: named by ADMIN_OPENIDS; timer: only the platform's timer trigger.
 */
export type Access = 'public' | 'user' | 'worker' | 'member' | 'admin' | 'superadmin' | 'timer';

/**
 * An action's request and response types, and who may call it. The access level
 * is part of the contract: the function's handler map must declare the same one
 * (the compiler checks it), and the generated permission suite expects it.
 */
export interface ActionSpec<Req, Res, A extends Access = Access> {
  req: Req;
  res: Res;
  access: A;
}

/** A cloud function's actions, by name. */
export type ApiSpec = Record<string, ActionSpec<unknown, unknown>>;
