// The campaign workbook: candidates, every vote, and results (or a preview of
// them before the announcement). Pure apart from the spreadsheet library.
import ExcelJS from 'exceljs';
import type { ResultEntry } from '../../../typings/campaign';
import type { BallotDoc } from '../../campaign/store/ballots';
import type { CampaignDoc } from '../../campaign/store/campaigns';
import type { CandidateDoc } from '../../campaign/store/candidates';

export interface CampaignExport {
  campaign: Pick<CampaignDoc, 'categories' | 'announced'>;
  candidates: CandidateDoc[];
  ballots: BallotDoc[];
  results: { category: string; entries: ResultEntry[] }[];
}

export async function campaignWorkbook(x: CampaignExport): Promise<Buffer> {
  const byId = new Map(x.candidates.map((c) => [c._id, c]));
  const catName = (key: string) => x.campaign.categories.find((k) => k.key === key)?.name ?? key;
  const wb = new ExcelJS.Workbook();

  const s1 = wb.addWorksheet('候选人');
  s1.columns = [
    { header: '编号', key: 'number', width: 8 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '类别', key: 'category', width: 16 },
    { header: '平台/单位', key: 'platform', width: 20 },
    { header: '得票', key: 'votes', width: 8 },
    { header: '评委评分', key: 'jury', width: 10 },
    { header: '状态', key: 'status', width: 8 },
  ];
  for (const c of x.candidates) {
    s1.addRow({
      number: c.number,
      name: c.name,
      category: catName(c.category),
      platform: c.platform,
      votes: c.votes,
      jury: c.juryScore ?? '',
      status: c.status === 'active' ? '有效' : '已撤下',
    });
  }

  const s2 = wb.addWorksheet('投票记录');
  s2.columns = [
    { header: '时间', key: 'at', width: 22 },
    { header: '日期', key: 'day', width: 12 },
    { header: '投票人', key: 'voter', width: 34 },
    { header: '候选人编号', key: 'number', width: 10 },
    { header: 'IP', key: 'ip', width: 16 },
    { header: '作废', key: 'voided', width: 6 },
    { header: '作废原因', key: 'reason', width: 20 },
  ];
  for (const b of x.ballots) {
    for (const e of b.log) {
      s2.addRow({
        at: new Date(e.at).toISOString(),
        day: b.day,
        voter: b.voterKey,
        number: byId.get(e.candidateId)?.number ?? e.candidateId,
        ip: e.ip,
        voided: e.voided ? '是' : '',
        reason: e.voidReason ?? '',
      });
    }
  }

  const s3 = wb.addWorksheet(x.campaign.announced ? '评选结果' : '结果预览（未公布）');
  s3.columns = [
    { header: '类别', key: 'category', width: 16 },
    { header: '名次', key: 'rank', width: 6 },
    { header: '编号', key: 'number', width: 8 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '得票', key: 'votes', width: 8 },
    { header: '评委评分', key: 'jury', width: 10 },
    { header: '综合得分', key: 'score', width: 10 },
    { header: '当选', key: 'winner', width: 6 },
  ];
  for (const r of x.results) {
    for (const e of r.entries) {
      s3.addRow({
        category: catName(r.category),
        rank: e.rank,
        number: e.number,
        name: e.name,
        votes: e.votes,
        jury: e.juryScore ?? '',
        score: e.finalScore,
        winner: e.winner ? '是' : '',
      });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
