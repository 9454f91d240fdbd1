// Organisers' list of selections: phase, owner org and period, with 编辑 and
// 管理 for those in the admin's scope, and 新建. The server checks scope on
// every action; here it only decides what to offer.
import type { Campaign } from '../../../../../typings/campaign';
import type { MyProfile } from '../../../../../typings/user';
import type { TagTheme } from '../../../../config/labels';
import { ROUTES } from '../../../../config/routes';
import { campaignApi } from '../../services/campaign';
import { listOrgRows, type OrgRow } from '../../../../services/user';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { PHASE_LABELS, PHASE_THEMES, periodText } from '../../utils/labels';
import { administers, ensureLogin, isAdmin, isSuperadmin } from '../../../../utils/session';

type Access = 'loading' | 'ready' | 'denied';

interface CampaignRow {
  id: string;
  title: string;
  phaseLabel: string;
  phaseTheme: TagTheme;
  orgName: string;
  votingPeriod: string;
  announced: boolean;
  manageable: boolean;
}

interface Scope {
  orgs: Map<string, OrgRow>;
  profile: MyProfile;
}

const lists = listRegistry<Campaign, CampaignRow>();
const scopes = new WeakMap<object, Scope>();

function toRow(c: Campaign, scope: Scope | undefined): CampaignRow {
  const org = scope?.orgs.get(c.orgId);
  return {
    id: c.id,
    title: c.title,
    phaseLabel: PHASE_LABELS[c.phase],
    phaseTheme: PHASE_THEMES[c.phase],
    orgName: org?.name ?? '',
    votingPeriod: periodText(c.phases.votingStart, c.phases.votingEnd),
    announced: c.announced,
    manageable: !!scope && (isSuperadmin(scope.profile) || (!!org && administers(scope.profile, org))),
  };
}

Component({
  data: {
    access: 'loading' as Access,
    list: initialList<CampaignRow>(),
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        fetch: async (page, pageSize) => {
          if (!scopes.has(this)) await this.loadScope();
          return campaignApi('listCampaigns', { page, pageSize });
        },
        toView: (c) => toRow(c, scopes.get(this)),
      });
      this.start();
    },
  },
  // Back from the editor: show what was saved.
  pageLifetimes: lists.revisitLifetimes(),
  methods: {
    ...lists.pageHandlers(),
    async start() {
      try {
        const profile = await ensureLogin();
        if (!isAdmin(profile)) {
          this.setData({ access: 'denied' });
          return;
        }
      } catch {
        this.setData({ access: 'denied' });
        return;
      }
      this.setData({ access: 'ready' });
      lists.of(this).reload();
    },
    async loadScope() {
      const [profile, rows] = await Promise.all([ensureLogin(), listOrgRows().catch(() => [] as OrgRow[])]);
      scopes.set(this, { orgs: new Map(rows.map((o) => [o.id, o])), profile });
    },
    onCreate() {
      wx.navigateTo({ url: ROUTES.adminCampaignEdit });
    },
    onEdit(e: TapEvent<{ id: string }>) {
      wx.navigateTo({ url: `${ROUTES.adminCampaignEdit}?id=${e.currentTarget.dataset.id}` });
    },
    onManage(e: TapEvent<{ id: string }>) {
      wx.navigateTo({ url: `${ROUTES.adminCampaignManage}?id=${e.currentTarget.dataset.id}` });
    },
  },
});
