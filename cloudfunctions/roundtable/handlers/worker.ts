// A registered worker: sign up (with the topic they want to raise, the form's
// answers and the subscribe grants the tap gave), cancel, their sign-ups, check in
// with the organiser's scanned code, and their training record. The sign-up
// engine does the booking; the meeting is read from this instance's copy (its
// kind never changes, and the engine's guarded writes check whether it is open).
import * as z from 'zod';
import type { MeetingKind, RoundtableApi, TrainingRecord } from '../../../typings/roundtable';
import type { MySignUp } from '../../../typings/signup';
import {
  answersInput,
  cancel,
  checkInWithCode,
  codeInput,
  grantsInput,
  MAX_NOTE,
  mySignUps,
  recordGrants,
  signUp,
} from '../../_shared/engines/signup';
import { AppError } from '../../_shared/errors';
import type { ActionContext, Handlers } from '../../_shared/function';
import { form, id, PAGE_LABELS, pageFields, text } from '../../_shared/validation';
import { publishedIdsBySeries } from '../../study/store/lectures';
import { progressFor } from '../../study/store/progress';
import { cachedMeeting, type MeetingDoc, meetingsByIds } from '../store/meetings';
import { DOMAIN_OF, keyOf, MEETING_DOMAINS, MEETING_KINDS } from '../rules/kinds';
import { toBrief } from '../rules/views';

/** The meeting a worker acts on; a cancelled one is refused in words that say so. */
async function openMeeting(meetingId: string): Promise<MeetingDoc> {
  const m = await cachedMeeting(meetingId);
  if (m.status === 'cancelled')
    throw new AppError('CLOSED', `这场活动已取消${m.cancelReason ? `：${m.cancelReason}` : ''}`);
  return m;
}

/** A training's classes read at most this many sign-ups back (50 a page). */
const MAX_TRAINING_PAGES = 10;

async function trainingSignUps(ctx: ActionContext): Promise<MySignUp[]> {
  const out: MySignUp[] = [];
  for (let page = 1; page <= MAX_TRAINING_PAGES; page++) {
    const p = await mySignUps(ctx, DOMAIN_OF.training, { page, pageSize: 50 });
    out.push(...p.items);
    if (!p.hasMore) break;
  }
  return out;
}

type WorkerActions = Pick<RoundtableApi, 'signUp' | 'cancelSignUp' | 'mySignUps' | 'checkIn' | 'myTraining'>;

export const workerHandlers = {
  signUp: {
    access: 'worker',
    input: form(
      {
        meetingId: id(),
        topic: text(MAX_NOTE).optional(),
        answers: answersInput().optional(),
        grants: grantsInput().optional(),
      },
      { meetingId: '活动编号', topic: '想提的问题', answers: '报名问题的回答', grants: '订阅消息授权' },
    ),
    async run(ctx, input) {
      const m = await openMeeting(input.meetingId);
      // What the tap granted is WeChat's to count whatever becomes of the sign-up (one send per
      // accept), so it is recorded beside the sign-up, not after it: one round trip less in line.
      const [receipt, grants] = await Promise.allSettled([
        signUp(ctx, keyOf(m), { answers: input.answers ?? [], note: input.topic }),
        input.grants?.length ? recordGrants(ctx, input.grants) : Promise.resolve({ granted: [] as string[] }),
      ]);
      if (receipt.status === 'rejected') throw receipt.reason;
      if (grants.status === 'fulfilled') return { ...receipt.value, granted: grants.value.granted };
      // The sign-up stands; a grant not counted costs at most a reminder (WeChat still holds it).
      console.error(JSON.stringify({ message: 'subscribe grants not recorded', error: String(grants.reason) }));
      return { ...receipt.value, granted: [] };
    },
  },

  cancelSignUp: {
    access: 'worker',
    input: form({ meetingId: id() }, { meetingId: '活动编号' }),
    async run(ctx, input) {
      const m = await cachedMeeting(input.meetingId);
      const { signUp: s, already, promoted } = await cancel(ctx, keyOf(m));
      return { signUp: s, already, promoted };
    },
  },

  mySignUps: {
    access: 'worker',
    input: form({ kind: z.enum(MEETING_KINDS).optional(), ...pageFields }, { kind: '类型', ...PAGE_LABELS }),
    async run(ctx, input) {
      const domains = input.kind ? [DOMAIN_OF[input.kind as MeetingKind]] : MEETING_DOMAINS;
      const page = await mySignUps(ctx, domains, input);
      const meetings = await meetingsByIds(page.items.map((s) => s.eventId));
      return {
        ...page,
        items: page.items.flatMap((s) => {
          const m = meetings.get(s.eventId);
          return m ? [{ meeting: toBrief(m, ctx.now), signUp: s }] : [];
        }),
      };
    },
  },

  checkIn: {
    access: 'worker',
    input: form({ meetingId: id(), code: codeInput() }, { meetingId: '活动编号', code: '签到码' }),
    async run(ctx, input) {
      const m = await openMeeting(input.meetingId);
      return checkInWithCode(ctx, keyOf(m), input.code);
    },
  },

  myTraining: {
    access: 'worker',
    input: form({}, {}),
    async run(ctx) {
      const signUps = (await trainingSignUps(ctx)).filter((s) => s.state !== 'cancelled');
      const meetings = await meetingsByIds(signUps.map((s) => s.eventId));
      const rows = signUps.flatMap((s) => {
        const m = meetings.get(s.eventId);
        return m?.training ? [{ s, m, training: m.training }] : [];
      });
      const series = [...new Set(rows.map((r) => r.training.series).filter((x): x is string => !!x))];
      const lectures = await publishedIdsBySeries(series);
      const progress = await progressFor(ctx.caller.user!._id, [...lectures.values()].flat());
      const classes: TrainingRecord[] = rows.map(({ s, m, training }) => {
        const ids = training.series ? (lectures.get(training.series) ?? []) : [];
        const done = ids.filter((l) => progress.get(l)?.completed).length;
        const seriesDone = !training.series || (ids.length > 0 && done === ids.length);
        const attended = s.state === 'attended';
        return {
          meeting: toBrief(m, ctx.now),
          course: training.course,
          classHours: training.classHours,
          state: s.state,
          attended,
          series: training.series,
          seriesLectures: ids.length,
          seriesCompleted: done,
          seriesDone,
          completed: attended && seriesDone,
        };
      });
      const attended = classes.filter((c) => c.attended);
      return {
        classes,
        attended: attended.length,
        classHours: attended.reduce((n, c) => n + c.classHours, 0),
        completed: classes.filter((c) => c.completed).length,
      };
    },
  },
} satisfies Handlers<WorkerActions>;
