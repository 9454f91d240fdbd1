// Excel export of a campaign: candidates, every vote, and results, via storage.
import ExcelJS from 'exceljs';
import type { OfficeApi } from '../../../typings/office';
import { audit } from '../../_shared/audit';
import { COLLECTIONS } from '../../_shared/collections';
import type { Handlers } from '../../_shared/function';
import { requireOrgInScope } from '../../_shared/orgs';
import { cloud, db } from '../../_shared/sdk';
import { id, z } from '../../_shared/validation';
import { type CandidateDoc, computeResults } from '../../campaign/docs';
import { forEachBallot } from '../../campaign/ballots';
import { requireCampaign } from '../../campaign/public';

export const exportCampaignHandlers = {
  exportCampaign: {
    access: 'admin',
    input: z.strictObject({ campaignId: id() }),
    async run(ctx, input) {
      const c = await requireCampaign(input.campaignId);
      await requireOrgInScope(ctx.caller, c.orgId);
      const cands = (
        await db()
          .collection(COLLECTIONS.candidates)
          .where({ campaignId: c._id })
          .orderBy('number', 'asc')
          .limit(1000)
          .get()
      ).data as CandidateDoc[];
      const byId = new Map(cands.map((x) => [x._id, x]));
      const catName = (key: string) => c.categories.find((k) => k.key === key)?.name ?? key;

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
      for (const x of cands) {
        s1.addRow({
          number: x.number,
          name: x.name,
          category: catName(x.category),
          platform: x.platform,
          votes: x.votes,
          jury: x.juryScore ?? '',
          status: x.status === 'active' ? '有效' : '已撤下',
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
      await forEachBallot({ campaignId: c._id }, (b) => {
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
      });
      const s3 = wb.addWorksheet(c.announced ? '评选结果' : '结果预览（未公布）');
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
      const results = c.results ?? computeResults(c, cands);
      for (const r of results) {
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
      const buffer = Buffer.from(await wb.xlsx.writeBuffer());
      const stamp = ctx.now.toISOString().replace(/[-:]/g, '').slice(0, 15);
      const { fileID } = await cloud().uploadFile({
        cloudPath: `exports/campaign-${c._id}-${stamp}.xlsx`,
        fileContent: buffer,
      });
      const { fileList } = await cloud().getTempFileURL({ fileList: [fileID] });
      await audit(ctx, {
        action: 'exportCampaign',
        targetType: 'campaign',
        targetId: c._id,
        summary: `导出评选「${c.title}」数据`,
      });
      return { fileId: fileID, url: (fileList[0] as { tempFileURL: string }).tempFileURL };
    },
  },
} satisfies Handlers<Pick<OfficeApi, 'exportCampaign'>>;
