// When is a page done? When no backend call is in flight and the page has had a
// few turns of the event loop to render what came back, and every canvas it began
// drawing on has been drawn (uCharts paints on a timer) — a condition, not a sleep.
import { canvasesAwaitingDrawing } from './canvas';

const g = globalThis as unknown as { wx: { cloud: Record<string, (...a: unknown[]) => Promise<unknown>> } };

let inFlight = 0;
let installed = false;

/** Counts the page's backend calls (callFunction, uploadFile, downloadFile) while they run. */
export function trackBackendCalls(): void {
  if (installed) return;
  installed = true;
  const cloud = g.wx.cloud;
  for (const api of Object.keys(cloud)) {
    const original = cloud[api]!;
    if (typeof original !== 'function') continue;
    cloud[api] = (...args: unknown[]) => {
      const result = original(...args);
      if (!(result instanceof Promise)) return result;
      inFlight++;
      return result.finally(() => inFlight--);
    };
  }
}

const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Resolves once nothing has been in flight for `quietTurns` consecutive turns;
 * rejects after `timeoutMs` (a page that never settles is itself a finding).
 */
export async function settled({ quietTurns = 5, timeoutMs = 15_000 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  while (quiet < quietTurns) {
    if (Date.now() > deadline) throw new Error(`the page never settled (${inFlight} backend calls still running)`);
    await turn();
    quiet = inFlight === 0 && canvasesAwaitingDrawing() === 0 ? quiet + 1 : 0;
  }
}
