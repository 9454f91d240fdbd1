// A candidate's share poster: photo (or a placeholder), number, name, the
// campaign title and the mini-program code that opens the candidate — laid out
// by ./layout, drawn and saved by <share-poster>.
import type { SharePoster } from '../../../../components/share-poster/index';
import { errorMessage } from '../../../../utils/errors';
import { campaignApi } from '../../services/campaign';
import { candidateIdFrom, categoryName } from '../../utils/views';
import { posterLayout, type PosterInput } from './layout';

type Status = 'loading' | 'ready' | 'error';

Component({
  data: {
    candidateId: '',
    status: 'loading' as Status,
    error: '',
    /** Shown under the poster. */
    caption: '',
  },
  methods: {
    onLoad(options: { id?: string; scene?: string }) {
      this.setData({ candidateId: candidateIdFrom(options) });
      this.load();
    },
    poster(): SharePoster {
      return this.selectComponent('#poster') as unknown as SharePoster;
    },
    async load() {
      this.setData({ status: 'loading', error: '' });
      try {
        const id = this.data.candidateId;
        const detail = await campaignApi('getCandidate', { id });
        const [campaign, code] = await Promise.all([
          campaignApi('getCampaign', { id: detail.campaignId }),
          campaignApi('candidatePosterCode', { candidateId: id }),
        ]);
        const input: PosterInput = {
          campaignTitle: campaign.title,
          number: detail.number,
          name: detail.name,
          categoryName: categoryName(campaign, detail.category),
          platform: detail.platform,
        };
        // A photo that fails to load leaves the placeholder, not a broken poster.
        const photo = detail.photos[0];
        await this.poster().draw(({ wrap, has }) => posterLayout(input, wrap, has('photo')), {
          ...(photo ? { photo: { fileId: photo, optional: true } } : {}),
          code: { fileId: code.fileId },
        });
        this.setData({ status: 'ready', caption: `${detail.number} ${detail.name}` });
      } catch (err) {
        this.setData({ status: 'error', error: errorMessage(err, '海报生成失败，请稍后重试') });
      }
    },
  },
});
