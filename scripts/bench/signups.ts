// Sign-up rush: 200 registered workers sign up for a round-table with 20 seats,
// 32 requests in flight, through the real roundtable function in an emulator
// process (each tap reports its subscribe grants, as the client does); then the
// 20 who got a seat cancel. Prints confirmed, waitlisted, duplicates (must be 0),
// whether the waitlist positions are 1…n, promotions, database round trips per
// sign-up (all /admin requests, and by kind), and p50/p99 of each phase.
import type { Page } from '../../typings/common';
import type { MeetingDetail, MeetingSignUpReceipt } from '../../typings/roundtable';
import type { SignUpRow } from '../../typings/signup';
import { BENCH_ADMIN, withFunctions } from './functions-harness';
import { byKind, formatRow, perCall, runConcurrent } from './stats';

const WORKERS = 200;
const SEATS = 20;
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 32);

export async function benchSignups(log: (line: string) => void): Promise<void> {
  await withFunctions(['roundtable'], async ({ call, must, stats, district, registerWorkers }) => {
    const start = Date.now() + 3 * 86_400_000;
    const meeting = (title: string, capacity: number) =>
      must<{ id: string }>(BENCH_ADMIN, 'roundtable', 'saveMeeting', {
        kind: 'roundtable',
        title,
        topic: '报名压力测试',
        venue: { name: '基准测试驿站', address: '基准测试路 1 号', location: { lat: 30.27, lng: 120.15 } },
        startAt: new Date(start).toISOString(),
        endAt: new Date(start + 2 * 3_600_000).toISOString(),
        deadline: new Date(start - 3_600_000).toISOString(),
        capacity,
        occupations: [],
        guests: [{ department: '区人社局' }],
        orgId: district.id,
      });
    const workers = await registerWorkers(WORKERS);
    const rush = await meeting('报名压力测试：20 个名额', SEATS);
    const detail = await must<MeetingDetail>('bench-viewer', 'roundtable', 'getMeeting', { id: rush.id });
    const grants = detail.subscribe.templateIds.map((templateId) => ({ templateId, result: 'accept' }));
    // Warm the function instance (cold start, the caller and meeting caches) on another meeting.
    const warm = await meeting('预热用的圆桌会', 5);
    await must(workers[0]!, 'roundtable', 'signUp', { meetingId: warm.id, grants });

    const before = await stats();
    const seated: string[] = [];
    const refusals: Record<string, number> = {};
    const signUps = await runConcurrent(WORKERS, IN_FLIGHT, async (i) => {
      const r = await call(workers[i]!, 'roundtable', 'signUp', { meetingId: rush.id, grants });
      if (!r.ok) refusals[r.code ?? '?'] = (refusals[r.code ?? '?'] ?? 0) + 1;
      else if ((r.data as MeetingSignUpReceipt).signUp.state === 'confirmed') seated.push(workers[i]!);
    });
    const after = await stats();

    const rows: SignUpRow[] = [];
    for (let page = 1; ; page++) {
      const p = await must<Page<SignUpRow>>(BENCH_ADMIN, 'roundtable', 'listSignUps', {
        meetingId: rush.id,
        page,
        pageSize: 50,
      });
      rows.push(...p.items);
      if (!p.hasMore) break;
    }
    const confirmed = rows.filter((r) => r.state === 'confirmed');
    const waitlisted = rows.filter((r) => r.state === 'waitlisted');
    const duplicates = rows.length - new Set(rows.map((r) => r.userId)).size;
    const contiguous = waitlisted.every((r, i) => r.position === i + 1);

    const cancelBefore = await stats();
    let promotions = 0;
    const cancels = await runConcurrent(seated.length, IN_FLIGHT, async (i) => {
      const r = await call(seated[i]!, 'roundtable', 'cancelSignUp', { meetingId: rush.id });
      if (r.ok) promotions += (r.data as { promoted: number }).promoted;
    });
    const cancelAfter = await stats();
    const final = await must<MeetingDetail>('bench-viewer', 'roundtable', 'getMeeting', { id: rush.id });

    log(`Sign-up rush: ${WORKERS} workers, ${SEATS} seats, ${IN_FLIGHT} in flight, through roundtable.signUp`);
    log(
      `  confirmed ${confirmed.length}   waitlisted ${waitlisted.length} (positions 1–${waitlisted.length} ${contiguous ? 'contiguous' : 'NOT contiguous!'})   ` +
        `duplicates ${duplicates}${duplicates ? ' (must be 0!)' : ''}   refused ${JSON.stringify(refusals)}`,
    );
    log(`  ${formatRow('signUp', signUps)}`);
    log(`  database round trips per sign-up: ${perCall(before, after, WORKERS)}`);
    log(`    by kind: ${byKind(before, after, WORKERS)}`);
    log(
      `    (each call: the caller's user by openid 1, the grants the tap reported 1, the engine: a seat 2 and the\n` +
        `     dashboard's day counter beside its insert, the waitlist 3; the grants go beside the engine's first write,\n` +
        `     so a seat is 3 round trips in sequence, the waitlist 4)`,
    );
    log(`Then the ${seated.length} seated cancel: promotions ${promotions}`);
    log(`  ${formatRow('cancelSignUp', cancels)}`);
    log(
      `  database round trips per cancel: ${perCall(cancelBefore, cancelAfter, seated.length)} (with the promotion and its notice)`,
    );
    log(
      `  after: seats taken ${final.booking.counts.seatsTaken}/${SEATS}, waitlisted ${final.booking.counts.waitlisted}`,
    );
  });
}
