// The campaign form: every field as typed, the checks the server also makes
// (so an obvious mistake costs no round trip), and the request it becomes.
// Times are picked and shown in Beijing time and sent with the +08:00 offset.
import type { CampaignCategory, CampaignPhases, SaveCampaignRequest } from '../../../../../typings/campaign';
import { beijingInstant, formatDate, formatDateTime } from '../../../../utils/format';

export type PhaseKey = keyof CampaignPhases;

/** In order; the labels are the server's. */
export const PHASE_FIELDS: { key: PhaseKey; label: string }[] = [
  { key: 'nominationStart', label: '推荐开始' },
  { key: 'nominationEnd', label: '推荐截止' },
  { key: 'votingStart', label: '投票开始' },
  { key: 'votingEnd', label: '投票截止' },
  { key: 'announcementEnd', label: '公示结束' },
];

/** The four categories of a 最美新就业群体 selection (the server's default too). */
export const DEFAULT_CATEGORIES: CampaignCategory[] = [
  { key: 'courier', name: '最美快递小哥', quota: 5 },
  { key: 'delivery', name: '最美外卖小哥', quota: 5 },
  { key: 'ride', name: '最美网约车司机', quota: 5 },
  { key: 'streamer', name: '最美网络主播', quota: 5 },
];

export interface CategoryField {
  key: string;
  name: string;
  quota: string;
}

export interface CampaignForm {
  /** Empty when creating. */
  id: string;
  title: string;
  rules: string;
  coverFileId: string;
  coverUrl: string;
  categories: CategoryField[];
  /** "YYYY-MM-DD HH:mm", Beijing time. */
  phases: Record<PhaseKey, string>;
  votesPerDay: string;
  maxPerCandidatePerDay: string;
  requireRegistered: boolean;
  showRankingDuringVoting: boolean;
  voteWeight: string;
  juryWeight: string;
  nominationLimit: string;
  orgId: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** "2026-11-05 10:03" (Beijing) → "2026-11-05T10:03:00+08:00"; '' if malformed. */
export const toIso = beijingInstant;

export function fromIso(iso: string): string {
  return formatDateTime(iso);
}

function dayAt(now: number, days: number, time: string): string {
  return `${formatDate(new Date(now + days * DAY_MS).toISOString())} ${time}`;
}

export function newForm(now: number, orgId = ''): CampaignForm {
  return {
    id: '',
    title: '',
    rules: '',
    coverFileId: '',
    coverUrl: '',
    categories: DEFAULT_CATEGORIES.map((k) => ({ key: k.key, name: k.name, quota: String(k.quota) })),
    phases: {
      nominationStart: dayAt(now, 1, '09:00'),
      nominationEnd: dayAt(now, 15, '18:00'),
      votingStart: dayAt(now, 18, '09:00'),
      votingEnd: dayAt(now, 25, '18:00'),
      announcementEnd: dayAt(now, 35, '18:00'),
    },
    votesPerDay: '3',
    maxPerCandidatePerDay: '1',
    requireRegistered: false,
    showRankingDuringVoting: true,
    voteWeight: '60',
    juryWeight: '40',
    nominationLimit: '3',
    orgId,
  };
}

export function formFromCampaign(
  c: Pick<SaveCampaignRequest, 'title' | 'rules' | 'phases' | 'voting' | 'result' | 'orgId'> & {
    id: string;
    coverFileId: string;
    categories: CampaignCategory[];
    nominationLimit: number;
  },
  coverUrl: string,
): CampaignForm {
  return {
    id: c.id,
    title: c.title,
    rules: c.rules,
    coverFileId: c.coverFileId,
    coverUrl,
    categories: c.categories.map((k) => ({ key: k.key, name: k.name, quota: String(k.quota) })),
    phases: {
      nominationStart: fromIso(c.phases.nominationStart),
      nominationEnd: fromIso(c.phases.nominationEnd),
      votingStart: fromIso(c.phases.votingStart),
      votingEnd: fromIso(c.phases.votingEnd),
      announcementEnd: fromIso(c.phases.announcementEnd),
    },
    votesPerDay: String(c.voting.votesPerDay),
    maxPerCandidatePerDay: String(c.voting.maxPerCandidatePerDay),
    requireRegistered: c.voting.requireRegistered,
    showRankingDuringVoting: c.voting.showRankingDuringVoting,
    voteWeight: String(c.result.voteWeight),
    juryWeight: String(c.result.juryWeight),
    nominationLimit: String(c.nominationLimit),
    orgId: c.orgId,
  };
}

/** A key for a category added in the form (lower-case letter first, as the server requires). */
export function newCategoryKey(now: number, index: number): string {
  return `k${now.toString(36)}${index}`;
}

const int = (s: string): number | null => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : null);
const inRange = (s: string, min: number, max: number) => {
  const n = int(s);
  return n !== null && n >= min && n <= max;
};

/** The sum of the two weights, or null while either is not a whole number. */
export function weightSum(f: Pick<CampaignForm, 'voteWeight' | 'juryWeight'>): number | null {
  const v = int(f.voteWeight);
  const j = int(f.juryWeight);
  return v === null || j === null ? null : v + j;
}

/** The first problem, or null. */
export function checkCampaignForm(f: CampaignForm): string | null {
  const title = f.title.trim();
  if (title.length < 4 || title.length > 40) return '活动名称应为 4–40 个字';
  if (f.rules.trim().length < 10) return '评选规则至少 10 个字';
  if (!f.categories.length) return '至少需要一个评选类别';
  if (f.categories.length > 10) return '评选类别最多 10 个';
  for (const [i, k] of f.categories.entries()) {
    if (k.name.trim().length < 2 || k.name.trim().length > 20) return `第 ${i + 1} 个类别的名称应为 2–20 个字`;
    if (!inRange(k.quota, 1, 100)) return `「${k.name.trim() || `第 ${i + 1} 个类别`}」的当选名额应为 1–100 的整数`;
  }
  if (new Set(f.categories.map((k) => k.name.trim())).size !== f.categories.length) return '评选类别名称不能重复';
  for (const p of PHASE_FIELDS) if (!toIso(f.phases[p.key])) return `请选择${p.label}时间`;
  for (let i = 1; i < PHASE_FIELDS.length; i++) {
    const prev = PHASE_FIELDS[i - 1]!;
    const cur = PHASE_FIELDS[i]!;
    if (Date.parse(toIso(f.phases[cur.key])) <= Date.parse(toIso(f.phases[prev.key])))
      return `${cur.label}时间必须晚于${prev.label}时间`;
  }
  if (!inRange(f.votesPerDay, 1, 50)) return '每人每天票数应为 1–50 的整数';
  if (!inRange(f.maxPerCandidatePerDay, 1, 50)) return '每位候选人每天票数应为 1–50 的整数';
  if (int(f.maxPerCandidatePerDay)! > int(f.votesPerDay)!) return '每位候选人每天的票数不能多于每天总票数';
  if (!inRange(f.voteWeight, 0, 100) || !inRange(f.juryWeight, 0, 100)) return '权重应为 0–100 的整数';
  const sum = weightSum(f);
  if (sum !== 100) return `网络投票与评委评分的权重之和应为 100（现在是 ${sum}）`;
  if (!inRange(f.nominationLimit, 1, 20)) return '每人可推荐人数应为 1–20 的整数';
  if (!f.orgId) return '请选择主办组织';
  return null;
}

/** Call only after checkCampaignForm passed. */
export function toSaveRequest(f: CampaignForm): SaveCampaignRequest {
  return {
    ...(f.id ? { id: f.id } : {}),
    title: f.title.trim(),
    ...(f.coverFileId ? { coverFileId: f.coverFileId } : {}),
    rules: f.rules.trim(),
    categories: f.categories.map((k) => ({ key: k.key, name: k.name.trim(), quota: Number(k.quota) })),
    phases: {
      nominationStart: toIso(f.phases.nominationStart),
      nominationEnd: toIso(f.phases.nominationEnd),
      votingStart: toIso(f.phases.votingStart),
      votingEnd: toIso(f.phases.votingEnd),
      announcementEnd: toIso(f.phases.announcementEnd),
    },
    voting: {
      votesPerDay: Number(f.votesPerDay),
      maxPerCandidatePerDay: Number(f.maxPerCandidatePerDay),
      requireRegistered: f.requireRegistered,
      showRankingDuringVoting: f.showRankingDuringVoting,
    },
    result: { voteWeight: Number(f.voteWeight), juryWeight: Number(f.juryWeight) },
    nominationLimit: Number(f.nominationLimit),
    orgId: f.orgId,
  };
}
