// The scheduler's run over cases (every 10 minutes), idempotent: each flag is
// raised once per case, and the reminder, the overdue notice and the escalation
// are each claimed on the case before anything is sent — so however often or
// concurrently it runs, each fires at most once per case and stage (a reopened
// case starts a new round). It also closes answers left unconfirmed for 7 days,
// sends answered notices their answerer could not, and warns before the
// working-day calendar runs out.
import type { CaseFlag, CaseUpkeepReport } from '../../../../typings/cases';
import { daysBetween, beijingDay } from '../../clock';
import {
  answeredBefore,
  awaitingStage,
  type CaseDoc,
  claimFlag,
  claimStage,
  moveCase,
  type NoticeStage,
  staleAnsweredNotices,
  type TimelineRecord,
  unflagged,
} from '../../stores/cases';
import { calendarCoverage } from '../../workdays';
import { AUTO_CLOSE_AFTER_MS } from './config';
import { countCase, countMove } from './counters';
import { deliverAnswered, deliverStage } from './notices';
import { onCalendar, stageTimes } from './rules';

const DAY_MS = 86_400_000;
/** The reminder's working day before the due date can be a week earlier around a holiday. */
const REMIND_LOOKAHEAD_MS = 15 * DAY_MS;
/** An answered notice still pending after this was not sent by its answerer. */
const STALE_NOTICE_MS = 2 * 60_000;
/** Warn when the working-day calendar ends within this many days. */
const CALENDAR_WARNING_DAYS = 45;

const FLAG_TEXT: Record<CaseFlag, string> = {
  red: '红色预警：超过 24 小时未响应',
  yellow: '黄色预警：超过 3 天未更新进展',
  overdue: '已超过办理期限',
};

function internal(now: Date, kind: TimelineRecord['kind'], text: string, c: CaseDoc): TimelineRecord {
  return { at: now, kind, text, orgId: c.orgId, orgName: c.orgName, by: 'system', actorUserId: '', public: false };
}

async function raiseFlags(now: Date): Promise<CaseUpkeepReport['flagged']> {
  const flagged = { red: 0, yellow: 0, overdue: 0 };
  for (const flag of ['red', 'yellow', 'overdue'] as const) {
    for (const c of await unflagged(flag, now)) {
      const raised = await claimFlag(c._id, flag, internal(now, 'flagged', FLAG_TEXT[flag], c), now);
      if (!raised) continue;
      flagged[flag]++;
      // The claim changed the flag alone: the case before it is the case after it without the flag.
      const { [flag]: _raised, ...before } = raised.flags;
      await countCase({ ...raised, flags: before }, raised, now);
    }
  }
  return flagged;
}

const STAGE_TEXT: Record<NoticeStage, (c: CaseDoc) => string> = {
  reminder: (c) => `提醒${c.orgName}：明天（下一个工作日）到期`,
  overdue: (c) => `超期通知${c.orgName}`,
  escalation: () => '超期 5 个工作日，已报上级组织督办',
};

/** Sends one stage to the cases due for it at `now`; how many were sent. */
async function runStage(stage: NoticeStage, now: Date): Promise<number> {
  const before =
    stage === 'reminder'
      ? new Date(now.getTime() + REMIND_LOOKAHEAD_MS)
      : stage === 'overdue'
        ? now
        : new Date(now.getTime() - 5 * DAY_MS);
  let count = 0;
  for (const c of await awaitingStage(stage, before)) {
    const at = onCalendar(() => stageTimes(c.dueAt))[stage];
    if (now < at) continue;
    // A reminder is for a case not yet due.
    if (stage === 'reminder' && now >= c.dueAt) continue;
    const kind = stage === 'reminder' ? 'reminded' : stage === 'overdue' ? 'overdue_notice' : 'escalated';
    if (!(await claimStage(c._id, stage, internal(now, kind, STAGE_TEXT[stage](c), c), now))) continue;
    const to = stage === 'escalation' ? (c.orgPath.at(-2) ?? c.orgId) : c.orgId;
    await deliverStage(c, stage, to, now);
    count++;
  }
  return count;
}

async function autoClose(now: Date): Promise<number> {
  let closed = 0;
  for (const c of await answeredBefore(new Date(now.getTime() - AUTO_CLOSE_AFTER_MS))) {
    const fields = { state: 'closed', closedAt: now, closedBy: 'auto' } as const;
    const moved = await moveCase(
      c._id,
      { from: ['answered'], version: c.version },
      fields,
      { ...internal(now, 'auto_closed', '答复 7 天后未确认，自动办结', c), public: true },
      now,
    );
    if (!moved) continue;
    closed++;
    await countMove(c, moved, fields, now);
  }
  return closed;
}

/** The Beijing day the calendar warning was last logged by this instance (once a day is enough). */
let warnedOn = '';

export function calendarWarning(now: Date): { lastDay: string; warning: string } {
  const { lastDay } = calendarCoverage();
  const today = beijingDay(now);
  const left = daysBetween(today, lastDay);
  if (left > CALENDAR_WARNING_DAYS) return { lastDay, warning: '' };
  const warning =
    `the working-day calendar ends on ${lastDay} (${left} days left): update chinese-days once the next ` +
    `year's holidays are published, or set WORKDAY_CALENDAR_EXTRA — deadlines beyond it are provisional (statutory holidays only, no 调休)`;
  if (warnedOn !== today)
    console.error(JSON.stringify({ message: 'work calendar ends soon', lastDay, daysLeft: left }));
  warnedOn = today;
  return { lastDay, warning };
}

export async function runCaseUpkeep(now: Date): Promise<CaseUpkeepReport> {
  const flagged = await raiseFlags(now);
  const reminders = await runStage('reminder', now);
  const overdueNotices = await runStage('overdue', now);
  const escalations = await runStage('escalation', now);
  const autoClosed = await autoClose(now);
  let answeredNotices = 0;
  for (const c of await staleAnsweredNotices(new Date(now.getTime() - STALE_NOTICE_MS))) {
    if (await deliverAnswered(c, now)) answeredNotices++;
  }
  const calendar = calendarWarning(now);
  return {
    flagged,
    reminders,
    overdueNotices,
    escalations,
    autoClosed,
    answeredNotices,
    calendarLastDay: calendar.lastDay,
    calendarWarning: calendar.warning,
  };
}
