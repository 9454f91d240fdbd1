// The 作废投票 form: by voters (their ids, as in the export's vote sheet) or by a
// time range, always with a reason; and the consequence the confirm modal states.
import type { CampaignApi } from '../../../../../../../typings/campaign';
import { toIso } from '../../../admin-campaign-edit/form';

export type VoidMode = 'voters' | 'range';

export interface VoidForm {
  mode: VoidMode;
  /** Comma, space or newline separated. */
  voterIds: string;
  /** "YYYY-MM-DD HH:mm", Beijing time. */
  from: string;
  to: string;
  reason: string;
}

export function emptyVoidForm(): VoidForm {
  return { mode: 'voters', voterIds: '', from: '', to: '', reason: '' };
}

export function parseVoterIds(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,，、;；]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

type VoidRequest = CampaignApi['voidVotes']['req'];

/** The request, or the first problem. */
export function toVoidRequest(campaignId: string, f: VoidForm): { request: VoidRequest } | { problem: string } {
  const reason = f.reason.trim();
  if (f.mode === 'voters') {
    const voterIds = parseVoterIds(f.voterIds);
    if (!voterIds.length) return { problem: '请填写要作废的投票人编号' };
    if (voterIds.length > 500) return { problem: '一次最多作废 500 位投票人的投票' };
    if (voterIds.some((id) => !/^[A-Za-z0-9_-]{1,64}$/.test(id))) return { problem: '投票人编号格式不正确' };
    if (reason.length < 2) return { problem: '请填写作废原因（至少 2 个字）' };
    return { request: { campaignId, voterIds, reason } };
  }
  const from = toIso(f.from);
  const to = toIso(f.to);
  if (!from || !to) return { problem: '请选择开始和结束时间' };
  if (Date.parse(from) > Date.parse(to)) return { problem: '开始时间不能晚于结束时间' };
  if (reason.length < 2) return { problem: '请填写作废原因（至少 2 个字）' };
  return { request: { campaignId, from, to, reason } };
}

/** What the confirm modal tells the organiser before anything is voided. */
export function voidConsequence(f: VoidForm): string {
  const what =
    f.mode === 'voters'
      ? `将作废 ${parseVoterIds(f.voterIds).length} 位投票人（${parseVoterIds(f.voterIds).join('、')}）在本活动的全部有效投票。`
      : `将作废 ${f.from} 至 ${f.to}（北京时间）之间投出的全部有效投票。`;
  return `${what}相关候选人的票数会相应减少，被作废的票不退还给投票人当天的票数。此操作记入操作日志，不能撤销。原因：${f.reason.trim()}`;
}
