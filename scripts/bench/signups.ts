// Sign-up rush: 200 registered workers sign up for a round-table with 20 seats,
// 32 requests in flight, through the real roundtable function in an emulator
// process (each tap reports its subscribe grants, as the client does); then the
// 20 who got a seat cancel. Prints confirmed, waitlisted, duplicates (must be 0),
// whether the waitlist positions are 1…n, promotions, database round trips per
// sign-up (all /admin requests, and by kind), and p50/p99 of each phase.
import { resolve } from 'node:path';
import type { Page } from '../../typings/common';
import type { MeetingDetail, MeetingSignUpReceipt } from '../../typings/roundtable';
import type { SignUpRow } from '../../typings/signup';
import { buildFunctions } from '../build-functions';
import { spawnEmulator, waitForExit } from '../dev/process';
import { loadCloudbaseConfig } from '../manifests/cloudbaserc';
import { byKind, type EmulatorStats, formatRow, perCall, runConcurrent } from './stats';

const WORKERS = 200;
const SEATS = 20;
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 32);
const ADMIN = 'bench-admin';

export async function benchSignups(log: (line: string) => void): Promise<void> {
  await buildFunctions({
    srcDir: resolve(__dirname, '../../cloudfunctions'),
    outDir: loadCloudbaseConfig().functionRoot,
    names: ['user', 'roundtable'],
    log: () => {},
  });
  const emu = await spawnEmulator(['--port', '0', '--memory', '--no-timers'], { ADMIN_OPENIDS: ADMIN });
  try {
    const call = async (openid: string, fn: string, action: string, data: unknown) => {
      const res = await fetch(`${emu.functionsUrl}${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
        body: JSON.stringify({ action, data }),
      });
      return (await res.json()) as { ok: boolean; data: unknown; code?: string; message?: string };
    };
    const must = async <T>(openid: string, fn: string, action: string, data: unknown = {}) => {
      const r = await call(openid, fn, action, data);
      if (!r.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(r)}`);
      return r.data as T;
    };
    const stats = async () => (await (await fetch(`${emu.url}/_emulator/stats`)).json()) as EmulatorStats;

    await must(ADMIN, 'user', 'login');
    const district = await must<{ id: string }>(ADMIN, 'user', 'saveOrg', {
      name: '基准测试区委',
      type: 'district',
      parentId: null,
    });
    const branch = await must<{ id: string }>(ADMIN, 'user', 'saveOrg', {
      name: '基准测试骑手支部',
      type: 'branch',
      parentId: district.id,
    });
    const start = Date.now() + 3 * 86_400_000;
    const meeting = (title: string, capacity: number) =>
      must<{ id: string }>(ADMIN, 'roundtable', 'saveMeeting', {
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
    const workers = Array.from({ length: WORKERS }, (_, i) => `bench-worker-${i}`);
    for (let i = 0; i < workers.length; i += 20) {
      await Promise.all(
        workers.slice(i, i + 20).map(async (openid, j) => {
          await must(openid, 'user', 'login');
          await must(openid, 'user', 'registerWorker', {
            realName: `压测骑手${i + j}`,
            phone: `139${String(10_000_000 + i + j)}`,
            occupation: 'food_delivery',
            platform: '示例平台',
            orgId: branch.id,
            isPartyMember: false,
            consent: true,
            consentVersion: '2026-11',
          });
        }),
      );
    }
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
      const p = await must<Page<SignUpRow>>(ADMIN, 'roundtable', 'listSignUps', {
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
      `    (each call: the caller's user by openid 1, the grants the tap reported 1, the engine: a seat 2, the waitlist 3;\n` +
        `     the grants go beside the engine's first write, so a seat is 3 round trips in sequence, the waitlist 4)`,
    );
    log(`Then the ${seated.length} seated cancel: promotions ${promotions}`);
    log(`  ${formatRow('cancelSignUp', cancels)}`);
    log(
      `  database round trips per cancel: ${perCall(cancelBefore, cancelAfter, seated.length)} (with the promotion and its notice)`,
    );
    log(
      `  after: seats taken ${final.booking.counts.seatsTaken}/${SEATS}, waitlisted ${final.booking.counts.waitlisted}`,
    );
  } finally {
    emu.child.kill('SIGTERM');
    await waitForExit(emu.child);
  }
}
