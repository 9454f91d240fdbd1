// Declared timer triggers (cloudbaserc.json) against those a function has on CloudBase.
// cloudbaserc.json is the source of truth: a timer it does not declare is removed.
import type { RemoteTrigger } from './client';
import type { TimerTriggerPlan } from './plan';

export interface TriggerChanges {
  /** Declared and already there with the same cron. */
  unchanged: TimerTriggerPlan[];
  /** Timer triggers to delete: undeclared ones, and declared ones whose cron changed. */
  remove: string[];
  /** Triggers to create: missing ones, and those whose cron changed. */
  create: TimerTriggerPlan[];
}

export function compareTriggers(declared: TimerTriggerPlan[], remote: RemoteTrigger[]): TriggerChanges {
  const timers = remote.filter((t) => t.Type === 'timer');
  const changes: TriggerChanges = { unchanged: [], remove: [], create: [] };
  for (const t of declared) {
    const existing = timers.find((r) => r.TriggerName === t.name);
    if (existing && sameCron(remoteCron(existing), t.cron)) {
      changes.unchanged.push(t);
      continue;
    }
    if (existing) changes.remove.push(t.name);
    changes.create.push(t);
  }
  for (const r of timers) {
    if (!declared.some((t) => t.name === r.TriggerName)) changes.remove.push(r.TriggerName);
  }
  return changes;
}

/** GetFunction describes a timer as `{"cron":"…"}`; older answers give the bare cron. */
export function remoteCron(trigger: RemoteTrigger): string {
  try {
    const parsed: unknown = JSON.parse(trigger.TriggerDesc);
    if (parsed && typeof parsed === 'object' && typeof (parsed as { cron?: unknown }).cron === 'string') {
      return (parsed as { cron: string }).cron;
    }
  } catch {
    // not JSON: the cron itself
  }
  return trigger.TriggerDesc;
}

function sameCron(a: string, b: string): boolean {
  return a.trim().split(/\s+/).join(' ') === b.trim().split(/\s+/).join(' ');
}
