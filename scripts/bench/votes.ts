// Vote storm: 2,000 votes by 500 voters, 32 requests in flight, through the real
// campaign function in an emulator process. Prints accepted, refused, counted
// (must equal accepted), votes/s, p50/p99 and database round trips per vote.
import { resolve } from 'node:path';
import { buildFunctions } from '../build-functions';
import { spawnEmulator, waitForExit } from '../dev/process';
import { loadCloudbaseConfig } from '../manifests/cloudbaserc';
import { formatRow, runConcurrent } from './stats';

const VOTERS = 500;
const VOTES = 2000;
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 32);
const ADMIN = 'bench-admin';

export async function benchVotes(log: (line: string) => void): Promise<void> {
  await buildFunctions({
    srcDir: resolve(__dirname, '../../cloudfunctions'),
    outDir: loadCloudbaseConfig().functionRoot,
    names: ['user', 'campaign'],
    log: () => {},
  });
  const emu = await spawnEmulator(['--port', '0', '--memory', '--no-timers'], { ADMIN_OPENIDS: ADMIN });
  try {
    const call = async (openid: string, fn: string, action: string, data: unknown, ip = '127.0.0.1') => {
      const res = await fetch(`${emu.functionsUrl}${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': openid, 'x-wx-clientip': ip },
        body: JSON.stringify({ action, data }),
      });
      return (await res.json()) as { ok: boolean; data: Record<string, unknown>; code?: string };
    };
    const must = async (openid: string, fn: string, action: string, data: unknown) => {
      const r = await call(openid, fn, action, data);
      if (!r.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(r)}`);
      return r.data;
    };
    await must(ADMIN, 'user', 'login', {});
    const district = (await must(ADMIN, 'user', 'saveOrg', {
      name: '基准测试区委',
      type: 'district',
      parentId: null,
    })) as { id: string };
    const now = Date.now();
    const t = (h: number) => new Date(now + h * 3_600_000).toISOString();
    const campaign = (await must(ADMIN, 'campaign', 'saveCampaign', {
      title: '投票压力测试',
      rules: '压力测试用活动，每人每天 5 票。',
      phases: {
        nominationStart: t(-72),
        nominationEnd: t(-48),
        votingStart: t(-1),
        votingEnd: t(24),
        announcementEnd: t(72),
      },
      voting: { votesPerDay: 5, maxPerCandidatePerDay: 2, requireRegistered: false, showRankingDuringVoting: true },
      result: { voteWeight: 100, juryWeight: 0 },
      orgId: district.id,
    })) as { id: string; categories: { key: string }[] };
    const candidates: string[] = [];
    for (const cat of campaign.categories) {
      for (let i = 0; i < 6; i++) {
        const c = (await must(ADMIN, 'campaign', 'addCandidate', {
          campaignId: campaign.id,
          category: cat.key,
          name: `候选人${candidates.length + 1}`,
          platform: '示例平台',
          deeds: '用于压力测试的候选人事迹，长度超过二十个字。',
          photos: [],
        })) as { id: string };
        candidates.push(c.id);
      }
    }
    // Warm the function instance (cold start and caches) before measuring.
    await call('warmup', 'campaign', 'vote', { candidateId: candidates[0] });

    const statsBefore = (await (await fetch(`${emu.url}/_emulator/stats`)).json()) as { total: number };
    let accepted = 0;
    let refused = 0;
    const refusals: Record<string, number> = {};
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const figures = await runConcurrent(VOTES, IN_FLIGHT, async (i) => {
      const voter = `voter-${i % VOTERS}`;
      const candidateId = candidates[Math.floor(rand() * candidates.length)]!;
      const r = await call(voter, 'campaign', 'vote', { candidateId }, `10.1.${i % 200}.${i % 250}`);
      if (r.ok) accepted++;
      else {
        refused++;
        refusals[r.code ?? '?'] = (refusals[r.code ?? '?'] ?? 0) + 1;
      }
    });
    const statsAfter = (await (await fetch(`${emu.url}/_emulator/stats`)).json()) as { total: number };
    let counted = 0;
    for (const cat of campaign.categories) {
      const ranking = await must(ADMIN, 'campaign', 'ranking', { campaignId: campaign.id, category: cat.key });
      counted += (ranking.entries as { votes: number }[]).reduce((s, e) => s + e.votes, 0);
    }
    counted -= 1; // the warm-up vote
    log(`Vote storm: ${VOTES} votes by ${VOTERS} voters, ${IN_FLIGHT} in flight (5 a day, 2 per candidate)`);
    log(
      `  accepted ${accepted}   refused ${refused} ${JSON.stringify(refusals)}   counted ${counted} ${counted === accepted ? '(= accepted)' : '(≠ accepted!)'}`,
    );
    log(`  ${formatRow('vote', figures)}`);
    log(`  database round trips per vote attempt: ${((statsAfter.total - statsBefore.total) / VOTES).toFixed(2)}`);
  } finally {
    emu.child.kill('SIGTERM');
    await waitForExit(emu.child);
  }
}
