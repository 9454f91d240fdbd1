// What every protocol handler works with.
import type { Server } from '../protocol';
import type { PageEntry, Runtime } from '../runtime';

export interface Context {
  runtime: Runtime;
  /** Set once the server listens (events go out through it). */
  server: Server | null;
  /** Photographs the page on top of the stack as a PNG. */
  screenshot(): Promise<Buffer>;
  /** Ends the runtime (Tool.close): answered first, then the process shuts down. */
  shutdown(): void;
}

export function pageOf(ctx: Context, pageId: unknown): PageEntry {
  const entry = ctx.runtime.router.byId(Number(pageId));
  if (!entry) throw new Error(`page ${String(pageId)} is no longer open`);
  return entry;
}

/** A value as the client can carry it (JSON; undefined becomes null). */
export const plain = (v: unknown): unknown => (v === undefined ? null : JSON.parse(JSON.stringify(v) ?? 'null'));
