// All selections, newest voting first, each with its phase; a tap opens it.
import type { Campaign } from '../../../../../typings/campaign';
import type { TagTheme } from '../../../../config/labels';
import { ROUTES } from '../../../../config/routes';
import { campaignApi } from '../../services/campaign';
import { displayUrl } from '../../../../services/files';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { PHASE_LABELS, PHASE_THEMES, periodText } from '../../utils/labels';

interface CampaignRow {
  id: string;
  title: string;
  cover: string;
  phaseLabel: string;
  phaseTheme: TagTheme;
  /** "投票 2026-11-01 10:00 至 2026-11-10 18:00" */
  period: string;
  categories: string;
}

const toRow = (c: Campaign): CampaignRow => ({
  id: c.id,
  title: c.title,
  cover: displayUrl(c.coverFileId),
  phaseLabel: PHASE_LABELS[c.phase],
  phaseTheme: PHASE_THEMES[c.phase],
  period: `投票 ${periodText(c.phases.votingStart, c.phases.votingEnd)}`,
  categories: c.categories.map((k) => k.name).join(' · '),
});

const lists = listRegistry<Campaign, CampaignRow>();

Component({
  data: {
    list: initialList<CampaignRow>(),
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        fetch: (page, pageSize) => campaignApi('listCampaigns', { page, pageSize }),
        toView: toRow,
      });
      lists.of(this).reload();
    },
  },
  methods: {
    ...lists.pageHandlers(),
    open(e: TapEvent<{ id: string }>) {
      wx.navigateTo({ url: `${ROUTES.campaign}?id=${e.currentTarget.dataset.id}` });
    },
  },
});
