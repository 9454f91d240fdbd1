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

/** An action's request and response types. */
export interface ActionSpec<Req, Res> {
  req: Req;
  res: Res;
}

/** A cloud function's actions, by name. */
export type ApiSpec = Record<string, ActionSpec<unknown, unknown>>;
