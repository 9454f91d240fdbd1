// Offset paging with a stable order: every list also orders by _id, so equal sort
// keys never shuffle between pages. Fetches one extra row to know if more exist.
import type { Page } from '../../typings/common';

export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  page?: number;
  pageSize?: number;
}

export function pageWindow(args: PageArgs): { page: number; pageSize: number; skip: number } {
  const page = args.page ?? 1;
  const pageSize = args.pageSize ?? DEFAULT_PAGE_SIZE;
  return { page, pageSize, skip: (page - 1) * pageSize };
}

interface Orderable {
  orderBy(field: string, dir: 'asc' | 'desc'): Orderable;
  skip(n: number): Orderable;
  limit(n: number): Orderable;
  get(): Promise<{ data: unknown[] }>;
}

/** Runs a query page. `order` lists sort keys by priority; _id is appended as the tie-break. */
export async function fetchPage<Doc, Item>(
  query: unknown,
  order: [string, 'asc' | 'desc'][],
  args: PageArgs,
  map: (doc: Doc) => Item,
): Promise<Page<Item>> {
  const { page, pageSize, skip } = pageWindow(args);
  let q = query as Orderable;
  // The SDK keeps one direction per field (a repeat overwrites), so _id is added only if absent.
  const keys: [string, 'asc' | 'desc'][] = order.some(([f]) => f === '_id') ? order : [...order, ['_id', 'asc']];
  for (const [field, dir] of keys) q = q.orderBy(field, dir);
  if (skip) q = q.skip(skip);
  const { data } = await q.limit(pageSize + 1).get();
  const rows = data as Doc[];
  return { items: rows.slice(0, pageSize).map(map), page, pageSize, hasMore: rows.length > pageSize };
}
