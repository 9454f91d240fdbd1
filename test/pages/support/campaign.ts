// Campaign arrangements for page tests, made through the real functions on the
// page backend (the node-side twin is test/support/campaign-fixtures.ts), and
// the page-opening steps campaign pages share.
import http from 'node:http';
import type {
  Campaign,
  Candidate,
  Nomination,
  NominationRequest,
  SaveCampaignRequest,
} from '../../../typings/campaign';
import { nominationRequest } from '../../support/campaign-fixtures';
import { actAs, callAs } from './backend';
import { login, SUPERADMIN } from './fixtures';
import type { RenderedPage } from './page';
import { render, type Scope } from './ui';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * Where the campaign stands now: 'upcoming' (nomination not open), 'nomination',
 * 'review' (between nomination and voting), 'voting', 'ended' (voting over, not announced).
 */
export type PhaseName = 'upcoming' | 'nomination' | 'review' | 'voting' | 'ended';

export function phasesAround(now: number, phase: PhaseName): SaveCampaignRequest['phases'] {
  // Nomination opens 1 h before `now + shift` and the phases follow it.
  const shift = { upcoming: 2 * HOUR, nomination: 0, review: -36 * HOUR, voting: -3 * DAY, ended: -6 * DAY }[phase];
  const t = (h: number) => new Date(now + shift + h * HOUR).toISOString();
  return {
    nominationStart: t(-1),
    nominationEnd: t(24),
    votingStart: t(48),
    votingEnd: t(96),
    announcementEnd: t(240),
  };
}

export function campaignRequest(
  orgId: string,
  phase: PhaseName,
  overrides: Partial<SaveCampaignRequest> = {},
): SaveCampaignRequest {
  return {
    title: '最美新就业群体评选（测试）',
    rules: '每人每天可投 3 票，同一候选人每天最多 1 票。投票免费，严禁刷票。',
    phases: phasesAround(Date.now(), phase),
    voting: { votesPerDay: 3, maxPerCandidatePerDay: 1, requireRegistered: false, showRankingDuringVoting: true },
    result: { voteWeight: 60, juryWeight: 40 },
    orgId,
    ...overrides,
  };
}

export { nominationRequest };

export const DEEDS = '风雨无阻送件上门，热心帮助社区老人，多次参与志愿服务。';

/** A campaign saved by `admin` (the superadmin by default) with `perCategory` candidates in each category. */
export async function seedCampaign(
  orgId: string,
  opts: {
    phase: PhaseName;
    perCategory?: number;
    overrides?: Partial<SaveCampaignRequest>;
    admin?: string;
    /** Names per category index; default 候选人<key><n>. */
    names?: (categoryKey: string, i: number) => string;
  },
): Promise<{ campaign: Campaign; candidates: Candidate[] }> {
  const admin = opts.admin ?? SUPERADMIN;
  await login(admin);
  const campaign = await callAs<Campaign>(
    admin,
    'campaign',
    'saveCampaign',
    campaignRequest(orgId, opts.phase, opts.overrides),
  );
  const candidates: Candidate[] = [];
  for (const cat of campaign.categories) {
    for (let i = 0; i < (opts.perCategory ?? 2); i++) {
      candidates.push(
        await callAs<Candidate>(admin, 'campaign', 'addCandidate', {
          campaignId: campaign.id,
          category: cat.key,
          name: opts.names?.(cat.key, i) ?? `候选人${cat.key}${i + 1}`,
          platform: '示例平台',
          deeds: DEEDS,
          photos: [],
        }),
      );
    }
  }
  return { campaign, candidates };
}

export async function vote(openid: string, candidateId: string): Promise<void> {
  await callAs(openid, 'campaign', 'vote', { candidateId });
}

/**
 * A vote cast with the emulator's clock pinned to `at` (its `x-emulator-now`
 * header), e.g. to put many votes in one minute whatever the wall clock does.
 */
export function voteAt(backendUrl: string, openid: string, candidateId: string, at: Date): Promise<void> {
  const body = Buffer.from(JSON.stringify({ action: 'vote', data: { candidateId } }));
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL('/functions/campaign', backendUrl),
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(body.length),
          'x-wx-openid': openid,
          'x-emulator-now': at.toISOString(),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const reply = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: boolean; message?: string };
          if (reply.ok) resolve();
          else reject(new Error(`vote as ${openid} at ${at.toISOString()}: ${reply.message}`));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function nominate(openid: string, campaignId: string, overrides: Partial<NominationRequest> = {}) {
  await login(openid);
  return callAs<Nomination>(openid, 'campaign', 'nominate', nominationRequest(campaignId, overrides));
}

/** What campaign pages are: components whose onLoad takes the page's query. */
export interface PageInstance {
  onLoad(options: Record<string, string>): void | Promise<void>;
  onPullDownRefresh(): Promise<void>;
  onReachBottom(): Promise<void>;
  onShareAppMessage(): { title: string; path: string };
  setData(data: object): void;
}

export const instanceOf = (page: RenderedPage) => page.instance as unknown as PageInstance;

/** Renders a page as `openid` and runs onLoad with `options`, as WeChat opens it. */
export function openPage(pageId: string, openid: string, options: Record<string, string> = {}): RenderedPage {
  actAs(openid);
  const page = render(pageId);
  void instanceOf(page).onLoad(options);
  return page;
}

/** The backend calls the pages made (through the wx double), by action. */
export function actionCalls(action: string): Record<string, unknown>[] {
  const double = (globalThis as unknown as { __wxDouble: { callsOf(api: string): unknown[] } }).__wxDouble;
  return (
    double.callsOf('cloud.callFunction') as { name: string; data: { action: string; data: Record<string, unknown> } }[]
  )
    .filter((c) => c.name === 'campaign' && c.data.action === action)
    .map((c) => c.data.data);
}

/** Taps the n-th tab of <t-tabs id="tabs"> (its inner item, as a finger would). */
export async function tapTab(page: Scope, index: number): Promise<void> {
  const items = page.querySelectorAll('#tabs >>> .t-tabs__item');
  const item = items[index];
  if (!item) throw new Error(`tapTab: no tab ${index} (have ${items.length})`);
  item.dispatchEvent('tap');
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Types into <t-textarea id="…">: the keyboard's `input` event on its inner <textarea>. */
export async function typeIntoTextarea(page: Scope, id: string, value: string): Promise<void> {
  const el = page.querySelector(`#${id} >>> .t-textarea__wrapper-inner`);
  if (!el) throw new Error(`typeIntoTextarea: no #${id}`);
  el.dispatchEvent('input', { detail: { value, cursor: value.length } });
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Ends voting of a campaign (its phases moved into the past, keeping its other
 * settings), so that it counts, can be scored and announced.
 */
export async function endVoting(campaign: Campaign, admin = SUPERADMIN, overrides: Partial<SaveCampaignRequest> = {}) {
  const past = (h: number) => new Date(Date.now() - h * HOUR).toISOString();
  return callAs<Campaign>(admin, 'campaign', 'saveCampaign', {
    id: campaign.id,
    title: campaign.title,
    rules: campaign.rules,
    categories: campaign.categories,
    phases: {
      nominationStart: past(96),
      nominationEnd: past(72),
      votingStart: past(48),
      votingEnd: past(1),
      announcementEnd: new Date(Date.now() + 5 * DAY).toISOString(),
    },
    voting: campaign.voting,
    result: campaign.result,
    nominationLimit: campaign.nominationLimit,
    orgId: campaign.orgId,
    ...overrides,
  });
}
