// 先锋骑士: what the team is and, for a rider not yet in it, the application form
// (prefilled from the registration); pending, rejected (the reason, and applying
// again) and suspended say what happens next; a member sees the star level and the
// hours to the next one, credit and honor hours apart, points, and the entries.
import type { MyMembership } from '../../../../../typings/volunteer-team';
import type { ChipsChange } from '../../../../components/choice-chips/index';
import { reloadHandlers } from '../../../../components/list-state/reload';
import { OCCUPATION_LABELS, OCCUPATIONS } from '../../../../config/labels';
import { ROUTES } from '../../../../config/routes';
import { listOrgRows, orgChoices, type OrgChoice } from '../../../../services/user';
import { errorCode, errorMessage } from '../../../../utils/errors';
import { ensureLogin } from '../../../../utils/session';
import { volunteerApi } from '../../services/volunteer';
import { applyRequest, blankForm, checkApply, formFrom, type ApplyForm } from './form';
import { memberView, type MemberView } from './view';

type Status = 'loading' | 'ready' | 'error';

/** The member's entries, in the order a rider reaches for them. */
const ENTRIES: { key: string; title: string; icon: string; route: keyof typeof ROUTES }[] = [
  { key: 'activities', title: '志愿活动', icon: 'calendar', route: 'volActivities' },
  { key: 'hours', title: '我的时数', icon: 'time', route: 'volHours' },
  { key: 'report', title: '上报服务', icon: 'edit-1', route: 'volReport' },
  { key: 'leaderboard', title: '服务排行', icon: 'chart-bar', route: 'volLeaderboard' },
  { key: 'statement', title: '月度账单', icon: 'file-paste', route: 'volStatement' },
  { key: 'certificate', title: '服务证明', icon: 'certificate', route: 'certificate' },
  { key: 'shop', title: '积分超市', icon: 'shop', route: 'shop' },
];

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    registered: true,
    view: null as MemberView | null,
    /** Showing the form: never applied, or applying again after a rejection. */
    applying: false,
    form: blankForm() as ApplyForm,
    occupations: OCCUPATIONS.map((value) => ({ value, label: OCCUPATION_LABELS[value] })),
    orgs: [] as OrgChoice[],
    orgLabels: [] as string[],
    orgIndex: -1,
    formError: '',
    busy: false,
    entries: ENTRIES,
  },
  lifetimes: {
    attached() {
      this.load();
    },
  },
  pageLifetimes: {
    // Back from an activity, a report or the shop: hours and points may have moved.
    show() {
      if (this.data.status === 'ready') this.load(true);
    },
  },
  methods: {
    ...reloadHandlers(),
    async load(quiet = false): Promise<string | null> {
      if (!quiet) this.setData({ status: 'loading', error: '' });
      try {
        await ensureLogin();
        const m = await volunteerApi('myMembership', {});
        await this.show(m, quiet);
        return null;
      } catch (err) {
        const error = errorMessage(err, '加载失败，请稍后再试');
        if (!quiet) this.setData({ status: 'error', error });
        return error;
      }
    },
    async show(m: MyMembership, quiet: boolean) {
      const view = memberView(m);
      const applying = m.registered && (view.stage === 'none' || (view.stage === 'rejected' && this.data.applying));
      // A quiet reload keeps what the rider is typing.
      const keepForm = quiet && this.data.applying && applying;
      const form = keepForm ? this.data.form : formFrom(m.member, m.prefill);
      if (applying && !this.data.orgs.length) await this.loadOrgs();
      this.setData({
        status: 'ready',
        registered: m.registered,
        view,
        applying,
        form,
        orgIndex: this.data.orgs.findIndex((o) => o.id === form.orgId),
        ...(keepForm ? {} : { formError: '' }),
      });
      wx.setNavigationBarTitle({ title: view.stage === 'approved' ? '先锋骑士' : '加入先锋骑士' });
    },
    async loadOrgs() {
      const orgs = orgChoices(await listOrgRows());
      this.setData({ orgs, orgLabels: orgs.map((o) => o.label) });
    },

    // --- the application
    onText(e: DetailEvent<{ value: string }, { field: 'realName' | 'phone' | 'platform' }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value, formError: '' });
    },
    onOccupation(e: DetailEvent<ChipsChange>) {
      if ('value' in e.detail) this.setData({ 'form.occupation': e.detail.value, formError: '' });
    },
    onOrg(e: DetailEvent<{ value: string | number }>) {
      const index = Number(e.detail.value);
      this.setData({ orgIndex: index, 'form.orgId': this.data.orgs[index]?.id ?? '', formError: '' });
    },
    onReapply() {
      this.setData({ applying: true, formError: '' });
      if (!this.data.orgs.length)
        this.loadOrgs()
          .then(() => this.setData({ orgIndex: this.data.orgs.findIndex((o) => o.id === this.data.form.orgId) }))
          .catch(() => undefined);
    },
    async onApply() {
      if (this.data.busy) return;
      const problem = checkApply(this.data.form);
      if (problem) return void this.setData({ formError: problem });
      this.setData({ busy: true, formError: '' });
      try {
        await volunteerApi('applyMember', applyRequest(this.data.form));
        wx.showToast({ title: '已提交，等待审核', icon: 'success' });
        this.setData({ applying: false });
        await this.load(true);
      } catch (err) {
        if (errorCode(err) === 'NOT_REGISTERED') this.setData({ registered: false });
        this.setData({ formError: errorMessage(err, '提交失败，请稍后再试') });
      } finally {
        this.setData({ busy: false });
      }
    },
    onRegister() {
      wx.navigateTo({ url: ROUTES.register });
    },
    onEntry(e: TapEvent<{ route: keyof typeof ROUTES }>) {
      wx.navigateTo({ url: ROUTES[e.currentTarget.dataset.route] });
    },
    onShareAppMessage() {
      return { title: '加入先锋骑士，一起做志愿服务', path: ROUTES.volunteer };
    },
  },
});
