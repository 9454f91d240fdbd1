// Excel export of a campaign for its organisers, via storage with a temporary link.
import type { OfficeApi } from '../../../typings/office';
import type { Handlers } from '../../_shared/function';
import { requireOrgInScope } from '../../_shared/scope';
import { cloud } from '../../_shared/sdk';
import { audit } from '../../_shared/stores/audit';
import { form, id } from '../../_shared/validation';
import { type BallotDoc, forEachBallot } from '../../campaign/store/ballots';
import { requireCampaign } from '../../campaign/store/campaigns';
import { candidatesOf } from '../../campaign/store/candidates';
import { computeResults } from '../../campaign/rules/results';
import { campaignWorkbook } from '../sheets/campaign';

export const exportCampaignHandlers = {
  exportCampaign: {
    access: 'admin',
    input: form({ campaignId: id() }, { campaignId: '评选编号' }),
    async run(ctx, input) {
      const c = await requireCampaign(input.campaignId);
      await requireOrgInScope(ctx.caller, c.orgId);
      const candidates = await candidatesOf(c._id);
      const ballots: BallotDoc[] = [];
      await forEachBallot({ campaignId: c._id }, (b) => void ballots.push(b));
      const buffer = await campaignWorkbook({
        campaign: c,
        candidates,
        ballots,
        results: c.results ?? computeResults(c, candidates),
      });
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
