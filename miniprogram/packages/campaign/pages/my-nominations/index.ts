// The caller's nominations (in one campaign, or all), newest first, with their
// review status and the reason when one was not accepted; approved ones open
// the candidate they became.
import type { Campaign, Nomination, NominationStatus } from '../../../../../typings/campaign';
import type { TagTheme } from '../../../../config/labels';
import { ROUTES } from '../../../../config/routes';
import { campaignApi } from '../../services/campaign';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { NOMINATION_STATUS_LABELS, NOMINATION_STATUS_THEMES, RELATION_LABELS } from '../../utils/labels';
import { formatDateTime } from '../../../../utils/format';
import { ensureLogin } from '../../../../utils/session';
import { categoryName } from '../../utils/views';

interface NominationRow {
  id: string;
  nomineeName: string;
  /** "最美快递小哥 · 他人推荐 · 示例快递" */
  line: string;
  campaignTitle: string;
  status: NominationStatus;
  statusLabel: string;
  statusTheme: TagTheme;
  rejectReason: string;
  candidateId: string;
  time: string;
}

const lists = listRegistry<Nomination, NominationRow>();
/** Campaigns the rows belong to, per page instance (for category names and titles). */
const campaignCaches = new WeakMap<object, Map<string, Campaign>>();

function toRow(n: Nomination, campaigns: Map<string, Campaign>): NominationRow {
  const c = campaigns.get(n.campaignId);
  const relation = n.relation === 'employer' ? RELATION_LABELS.employer : `${RELATION_LABELS[n.relation]}推荐`;
  return {
    id: n.id,
    nomineeName: n.nomineeName,
    line: [c ? categoryName(c, n.category) : n.category, relation, n.platform].join(' · '),
    campaignTitle: c?.title ?? '',
    status: n.status,
    statusLabel: NOMINATION_STATUS_LABELS[n.status],
    statusTheme: NOMINATION_STATUS_THEMES[n.status],
    rejectReason: n.status === 'rejected' ? n.rejectReason : '',
    candidateId: n.candidateId ?? '',
    time: formatDateTime(n.createdAt),
  };
}

Component({
  data: {
    campaignId: '',
    list: initialList<NominationRow>(),
  },
  lifetimes: {
    attached() {
      campaignCaches.set(this, new Map());
      lists.create(this, {
        key: 'list',
        fetch: async (page, pageSize) => {
          await ensureLogin();
          const campaignId = this.data.campaignId;
          const res = await campaignApi('myNominations', { page, pageSize, ...(campaignId ? { campaignId } : {}) });
          await this.ensureCampaigns(res.items.map((n) => n.campaignId));
          return res;
        },
        toView: (n) => toRow(n, campaignCaches.get(this) ?? new Map()),
      });
    },
  },
  methods: {
    ...lists.pageHandlers(),
    onLoad(options: { campaignId?: string }) {
      this.setData({ campaignId: options.campaignId ?? '' });
      lists.of(this).reload();
    },
    /** Loads the campaigns not seen yet (usually one); a failure only costs the names. */
    async ensureCampaigns(ids: string[]) {
      const cache = campaignCaches.get(this)!;
      const missing = [...new Set(ids)].filter((id) => !cache.has(id));
      await Promise.all(
        missing.map((id) =>
          campaignApi('getCampaign', { id })
            .then((c) => cache.set(id, c))
            .catch(() => undefined),
        ),
      );
    },
    openCandidate(e: TapEvent<{ id: string }>) {
      const id = e.currentTarget.dataset.id;
      if (id) wx.navigateTo({ url: `${ROUTES.candidate}?id=${id}` });
    },
  },
});
