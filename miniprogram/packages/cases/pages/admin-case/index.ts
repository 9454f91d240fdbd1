// One case for its organisers (opened from the workbench and by their notices:
// packages/cases/pages/admin-case/index?id=): the raiser's name and phone (never
// for an anonymous report), photos with their check state, the facts, the whole
// timeline, and the actions its state allows, each in a sheet
// (components/action-sheet). Every action passes the version read here: if
// another organiser acted first, the server answers CONFLICT and the page reloads
// and says so.
import type { CaseAdminView } from '../../../../../typings/cases';
import { loadByIdHandlers, openedId, reloadHandlers } from '../../../../components/list-state/reload';
import type { OrgChoice } from '../../../../services/user';
import { errorMessage } from '../../../../utils/errors';
import { casesApi } from '../../services/cases';
import { KIND_LABELS } from '../../utils/labels';
import { caseOptions } from '../../utils/options';
import { type Access, organiserAccess, orgsInScope } from '../../utils/organiser';
import type { ActionKey } from './actions';
import { type AdminCaseView, toAdminView } from './view';

type Status = 'loading' | 'ready' | 'error';

const byId = loadByIdHandlers();

Component({
  data: {
    access: 'loading' as Access,
    status: 'loading' as Status,
    error: '',
    raw: null as CaseAdminView | null,
    view: null as AdminCaseView | null,
    orgs: [] as OrgChoice[],
    action: '' as ActionKey | '',
    pointsHint: '',
    organiserTemplateIds: [] as string[],
  },
  methods: {
    ...reloadHandlers(),
    onLoad(query: Record<string, string | undefined>) {
      byId.onLoad.call(this, query);
    },
    async load(quiet = false): Promise<string | null> {
      if (!quiet) this.setData({ status: 'loading', error: '' });
      if (this.data.access !== 'ready') {
        const { access, profile } = await organiserAccess();
        this.setData({ access });
        if (access === 'denied') return null;
        if (profile) this.loadChoices(profile);
      }
      try {
        this.show(await casesApi('adminGetCase', { caseId: openedId(this) }));
        return null;
      } catch (err) {
        const error = errorMessage(err, '加载失败，请稍后再试');
        if (!quiet) this.setData({ status: 'error', error });
        return error;
      }
    },
    /** What the sheets offer: the orgs in scope, the points a verification gives. */
    loadChoices(profile: Parameters<typeof orgsInScope>[0]) {
      orgsInScope(profile)
        .then((orgs) => this.setData({ orgs }))
        .catch(() => undefined);
      caseOptions()
        .then(({ reportPoints: p, organiserTemplates }) =>
          this.setData({
            pointsHint: `有效：首报的提出人获 ${p.first} 蜂力值，重复上报 ${p.duplicate}，匿名不计；无效将驳回这条随手拍`,
            organiserTemplateIds: organiserTemplates.templateIds,
          }),
        )
        .catch(() => undefined);
    },
    show(c: CaseAdminView) {
      if (c.kind === 'report' && this.data.raw?.kind !== 'report') wx.setNavigationBarTitle({ title: '办理随手拍' });
      this.setData({ status: 'ready', error: '', raw: c, view: toAdminView(c) });
    },
    onAction(e: TapEvent<{ key: ActionKey }>) {
      this.setData({ action: e.currentTarget.dataset.key });
    },
    onCloseSheet() {
      this.setData({ action: '' });
    },
    onDone(e: DetailEvent<{ view: CaseAdminView; toast: string }>) {
      this.setData({ action: '' });
      this.show(e.detail.view);
      wx.showToast({ title: e.detail.toast, icon: 'success' });
    },
    /** The case moved since it was read (another organiser, the raiser): reload and say so. */
    async onConflict(e: DetailEvent<{ message: string }>) {
      const before = this.data.raw;
      this.setData({ action: '' });
      await this.load(true);
      const now = this.data.raw;
      if (before && now && now.version !== before.version) {
        wx.showToast({ title: `该${KIND_LABELS[before.kind]}刚被他人处理，已刷新`, icon: 'none', duration: 2500 });
      } else {
        wx.showModal({ title: '无法操作', content: e.detail.message, showCancel: false });
      }
    },
    onCall() {
      const phone = this.data.view?.raiser?.phone;
      if (phone) wx.makePhoneCall({ phoneNumber: phone });
    },
    onMap() {
      const v = this.data.view;
      if (v?.location)
        wx.openLocation({ latitude: v.location.lat, longitude: v.location.lng, name: v.title, address: v.address });
    },
    onPreview(e: TapEvent<{ index: number }>) {
      const urls = (this.data.view?.photos ?? []).map((p) => p.url);
      wx.previewImage({ urls, current: urls[e.currentTarget.dataset.index] });
    },
  },
});
