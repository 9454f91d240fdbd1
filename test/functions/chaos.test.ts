// Crash and repair. The emulator runs as its own process on a data folder (the
// built functions, as deployed); a mixed storm of the hot writes — votes,
// check-ins, lecture progress — runs until the emulator is killed with SIGKILL
// part-way; it restarts on the same folder. Then every acknowledged write is
// present, and after the scheduler's upkeep (its timer fired) every invariant
// holds: candidate counts = valid ballot entries, every balance = its ledger's
// sum, every check-in streak = the check-ins it counts, every lecture's watched
// time = its merged intervals, every completion credited.
//
// What a crash can break and what repairs it: a vote is two writes (the ballot,
// then the candidate's count) → the upkeep's recount; an approval is two writes
// (the candidate, then the nomination's decision) → its orphan withdrawal
// (test/functions/scheduler/repair.test.ts). A completion is credited before it
// is stored, both idempotent → the next report. A check-in's record, streak and
// points, and every ledger entry with its balance, share one transaction → nothing
// to repair (proved there, and held here).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { previousDay } from '../../cloudfunctions/_shared/clock';
import { type Interval, watchedSeconds } from '../../cloudfunctions/study/rules/progress';
import type { Reply } from '../../typings/errors';
import { type EmulatorProcess, spawnEmulator, waitForExit } from '../../scripts/dev/process';
import { SUPERADMIN } from '../support/arrange';
import { campaignWithCandidates } from '../support/campaign-fixtures';
import { registerWorker, seedOrgs } from '../support/fixtures';
import { clientsFor } from '../support/functions';
import { PrivacyWatch } from '../support/privacy';
import { sdkFor } from '../support/sdk';

const VOTERS = 24;
const STEPS = 40;
/** Acknowledged writes after which the emulator is killed: votes, check-ins and reports still in flight. */
const KILL_AFTER = 400;

let dir: string;
let emu: EmulatorProcess | null = null;

const start = () => spawnEmulator(['--port', '0', '--data', dir, '--no-timers'], { ADMIN_OPENIDS: SUPERADMIN });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chaos-'));
});
afterAll(async () => {
  if (emu) {
    emu.child.kill('SIGKILL');
    await waitForExit(emu.child);
  }
  rmSync(dir, { recursive: true, force: true });
});

interface Doc {
  _id: string;
  [k: string]: unknown;
}

/** Every document of a collection, through the SDK (plain values, not the inspection endpoint's EJSON). */
async function allDocs(e: EmulatorProcess, name: string): Promise<Doc[]> {
  const db = sdkFor(e).database();
  const out: Doc[] = [];
  for (let skip = 0; ; skip += 1000) {
    const { data } = await db.collection(name).orderBy('_id', 'asc').skip(skip).limit(1000).get();
    out.push(...(data as Doc[]));
    if (data.length < 1000) return out;
  }
}

const DAY0 = Date.parse('2026-11-01T02:00:00Z');
const dayAt = (i: number) => new Date(DAY0 + i * 86_400_000).toISOString();

it('after kill -9 mid-storm and a restart, every acknowledged write is there and the repairs restore every invariant', async () => {
  emu = await start();
  const as = clientsFor(emu.functionsUrl, new PrivacyWatch());
  const h = { as };
  const orgs = await seedOrgs(h);
  await as(SUPERADMIN).ok('study', 'saveQuote', {
    text: '学而时习之，不亦说乎？',
    source: '《论语·学而》',
    orgId: orgs.district.id,
  });
  const lecture = await as(SUPERADMIN).ok<{ id: string }>('study', 'saveLecture', {
    title: '安全骑行',
    speaker: '示例讲师',
    kind: 'article',
    durationSec: 60,
    body: '<p>正文</p>',
    series: '安全与健康',
    orgId: orgs.district.id,
  });
  await as(SUPERADMIN).ok('study', 'setLecturePublished', { id: lecture.id, published: true });
  // Eight candidates, one vote each a day: every voter votes through the first eight steps.
  const { campaign, candidates } = await campaignWithCandidates(h, SUPERADMIN, orgs, {
    phase: 'voting',
    perCategory: 2,
    overrides: {
      voting: { votesPerDay: 8, maxPerCandidatePerDay: 1, requireRegistered: false, showRankingDuringVoting: true },
    },
  });
  const users = await Promise.all(
    Array.from({ length: VOTERS }, (_, i) =>
      registerWorker(h, `chaos-${i}`, orgs.expressBranch.id, {
        realName: `压测${String.fromCharCode(0x4e00 + i)}`,
        phone: `1390000${String(i).padStart(4, '0')}`,
      }),
    ),
  );

  // The storm: each user, in parallel with all others, votes, checks in day after
  // day and reports lecture progress every 10 s of (pinned) time.
  const acked = {
    votes: new Map<string, number>(), // voter:candidate → votes acknowledged
    checkins: [] as { userId: string; day: string; points: number }[],
    progress: new Map<string, number>(), // userId → watched seconds acknowledged
    total: 0,
  };
  let killed = false;
  const ack = () => {
    if (++acked.total >= KILL_AFTER && !killed) {
      killed = true;
      emu!.child.kill('SIGKILL');
    }
  };
  const storm = users.map(async (u, i) => {
    const me = as(`chaos-${i}`);
    const t0 = DAY0 + 12 * 3_600_000;
    const opened = (await me
      .at(new Date(t0).toISOString())
      .call('study', 'getLecture', { id: lecture.id })) as Reply<unknown>;
    if (!opened.ok) return;
    for (let step = 0; step < STEPS; step++) {
      const candidate = candidates[(i + step) % candidates.length]!;
      const vote = await me.call('campaign', 'vote', { candidateId: candidate.id });
      if (vote.ok) {
        const key = `chaos-${i}:${candidate.id}`;
        acked.votes.set(key, (acked.votes.get(key) ?? 0) + 1);
        ack();
      }
      const day = dayAt(step);
      const checked = await me.at(day).call<{ pointsAwarded: number; day: string }>('study', 'checkIn');
      if (checked.ok) {
        acked.checkins.push({ userId: u.userId, day: checked.data.day, points: checked.data.pointsAwarded });
        ack();
      }
      const at = new Date(t0 + (step + 1) * 10_000).toISOString();
      const report = await me.at(at).call<{ watchedSec: number }>('study', 'reportProgress', {
        lectureId: lecture.id,
        positionSec: Math.min(60, (step + 1) * 10),
      });
      if (report.ok) {
        acked.progress.set(u.userId, report.data.watchedSec);
        ack();
      }
    }
  });
  // Calls in flight when the process dies fail: they were never acknowledged.
  await Promise.allSettled(storm);
  expect(killed).toBe(true);
  await waitForExit(emu.child);

  emu = await start();
  const url = emu.url;
  const [ballots, cands, checkins, streaks, ledger, userDocs, progress] = await Promise.all(
    ['ballots', 'candidates', 'quote_checkins', 'study_users', 'points_ledger', 'users', 'lecture_progress'].map((c) =>
      allDocs(emu!, c),
    ),
  );

  // Every acknowledged write survived.
  const perVoterCandidate = new Map<string, number>();
  for (const b of ballots)
    for (const [cid, n] of Object.entries(b.per as Record<string, number>))
      perVoterCandidate.set(
        `${String(b.voterKey)}:${cid}`,
        (perVoterCandidate.get(`${String(b.voterKey)}:${cid}`) ?? 0) + n,
      );
  for (const [key, n] of acked.votes) expect([key, (perVoterCandidate.get(key) ?? 0) >= n]).toEqual([key, true]);
  const checkinIds = new Set(checkins.map((c) => c._id));
  const ledgerIds = new Set(ledger.map((e) => e._id));
  for (const c of acked.checkins) {
    expect(checkinIds.has(`${c.userId}:${c.day}`)).toBe(true);
    if (c.points > 0) expect(ledgerIds.has(`checkin:${c.userId}:${c.day}`)).toBe(true);
  }
  const progressOf = new Map(progress.map((p) => [String(p.userId), p]));
  for (const [userId, watched] of acked.progress)
    expect(Number(progressOf.get(userId)?.watchedSec)).toBeGreaterThanOrEqual(watched);

  // However the kill fell, make sure the recount has work: two votes whose ballot was
  // written but whose count was not (a crash between the two writes of a vote).
  const drifted = candidates[0]!.id;
  expect(ballots.some((b) => (b.log as { candidateId: string }[]).some((e) => e.candidateId === drifted))).toBe(true);
  const db = sdkFor(emu).database();
  await db
    .collection('candidates')
    .doc(drifted)
    .update({ votes: db.command.inc(-2) });

  // The repairs: the scheduler's timer, as the platform fires it.
  const upkeep = (await (
    await fetch(`${url}/_emulator/timers/scheduler/every-10-minutes`, { method: 'POST' })
  ).json()) as Reply<{
    recountVotes: { repaired: unknown[]; unsettled: number };
  }>;
  expect(upkeep).toMatchObject({ ok: true, data: { recountVotes: { unsettled: 0 } } });

  // Candidate counts = valid ballot entries.
  const expected = new Map<string, number>();
  for (const b of ballots)
    for (const e of b.log as { candidateId: string; voided?: boolean }[])
      if (!e.voided) expected.set(e.candidateId, (expected.get(e.candidateId) ?? 0) + 1);
  const counted = new Map((await allDocs(emu, 'candidates')).map((c) => [c._id, Number(c.votes)]));
  for (const c of cands.filter((x) => x.campaignId === campaign.id))
    expect([c._id, counted.get(c._id)]).toEqual([c._id, expected.get(c._id) ?? 0]);

  // Every balance = its ledger's sum.
  const sums = new Map<string, { balance: number; earned: number }>();
  for (const e of ledger) {
    const s = sums.get(String(e.userId)) ?? { balance: 0, earned: 0 };
    const amount = Number(e.amount);
    s.balance += amount;
    if (amount > 0) s.earned += amount;
    sums.set(String(e.userId), s);
  }
  for (const u of userDocs) {
    const points = u.points as { balance: number; earned: number };
    expect([u._id, points.balance, points.earned]).toEqual([
      u._id,
      sums.get(u._id)?.balance ?? 0,
      sums.get(u._id)?.earned ?? 0,
    ]);
  }

  // Every streak = the check-ins it counts.
  const daysOf = new Map<string, string[]>();
  for (const c of checkins) daysOf.set(String(c.userId), [...(daysOf.get(String(c.userId)) ?? []), String(c.day)]);
  for (const s of streaks) {
    const days = (daysOf.get(s._id) ?? []).sort();
    let run = days.length ? 1 : 0;
    for (let i = days.length - 1; i > 0 && previousDay(days[i]!) === days[i - 1]; i--) run++;
    expect([s._id, s.checkin]).toEqual([s._id, { total: days.length, lastDay: days.at(-1) ?? '', streak: run }]);
  }
  expect(streaks.length).toBe(daysOf.size);

  // Watched time = merged intervals; every completion credited.
  for (const p of progress) {
    expect([p._id, Number(p.watchedSec)]).toEqual([p._id, watchedSeconds(p.intervals as Interval[])]);
    if (p.completed) expect(ledgerIds.has(`lecture:${String(p.userId)}:${lecture.id}`)).toBe(true);
  }
  console.log(
    `chaos: killed after ${acked.total} acknowledged writes (${[...acked.votes.values()].reduce((a, b) => a + b, 0)} votes, ` +
      `${acked.checkins.length} check-ins, ${acked.progress.size} learners' progress); ` +
      `after restart ${ballots.length} ballots, ${checkins.length} check-ins, ${ledger.length} ledger entries; ` +
      `upkeep repaired ${upkeep.ok ? upkeep.data.recountVotes.repaired.length : '?'} vote count(s)`,
  );
}, 120_000);
