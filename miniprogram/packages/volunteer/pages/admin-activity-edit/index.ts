// The volunteer activity editor for organisers: a new activity (future times
// only; past service goes through 补录荣誉时数), or one not yet started — org
// (fixed once created), title, service type, place (WeChat's map picker), times,
// planned hours, capacity and waitlist, contact; 取消活动 with a reason every
// sign-up is told.
import { openedId, loadByIdHandlers } from '../../../../components/list-state/reload';
import { errorCode, errorMessage } from '../../../../utils/errors';
import { choosePlace } from '../../../../utils/location';
import type { QuestionForm } from '../../../../components/questions-editor/questions';
import { volunteerApi } from '../../services/volunteer';
import { askReason } from '../../utils/ask';
import { organiserOrgs } from '../../utils/organiser';
import { SERVICE_LABELS, SERVICE_TYPES } from '../../utils/labels';
import {
  type ActivityForm,
  checkActivity,
  formFromActivity,
  newForm,
  saveRequest,
  type TextField,
  type TimeField,
} from './form';

type Status = 'loading' | 'ready' | 'error' | 'denied';

const TIMES: { key: TimeField; label: string }[] = [
  { key: 'startAt', label: '开始时间' },
  { key: 'endAt', label: '结束时间' },
  { key: 'deadline', label: '报名截止' },
];

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    form: newForm(0, '') as ActivityForm,
    orgs: [] as { id: string; name: string }[],
    orgNames: [] as string[],
    orgName: '',
    types: SERVICE_TYPES.map((value) => ({ value, label: SERVICE_LABELS[value] })),
    times: TIMES,
    picking: '' as TimeField | '',
    pickingTitle: '',
    formError: '',
    /** What is being sent: nothing, the form, or the cancellation. */
    busy: '' as '' | 'save' | 'cancel',
  },
  methods: {
    ...loadByIdHandlers(),
    async load() {
      const id = openedId(this);
      this.setData({ status: 'loading', error: '' });
      try {
        const mine = await organiserOrgs();
        if (!mine) return void this.setData({ status: 'denied' });
        const { orgs } = mine;
        let form: ActivityForm;
        if (id) {
          const a = await volunteerApi('getActivity', { activityId: id });
          if (a.phase !== 'upcoming')
            return void this.setData({
              status: 'error',
              error: a.phase === 'cancelled' ? '活动已取消，不能再修改' : '活动已经开始或结束，不能再修改',
            });
          form = formFromActivity(a);
          wx.setNavigationBarTitle({ title: '编辑志愿活动' });
        } else {
          form = newForm(Date.now(), mine.first || (orgs[0]?.id ?? ''));
        }
        this.setData({
          status: 'ready',
          form,
          orgs,
          orgNames: orgs.map((o) => o.name),
          orgName: orgs.find((o) => o.id === form.orgId)?.name ?? '',
          formError: '',
        });
      } catch (err) {
        const error = errorCode(err) === 'NOT_FOUND' ? '找不到这个活动' : errorMessage(err, '加载失败，请稍后再试');
        this.setData({ status: 'error', error });
      }
    },
    onRetry() {
      this.load();
    },
    patch(fields: Partial<ActivityForm>) {
      const data: Record<string, unknown> = { formError: '' };
      for (const [k, v] of Object.entries(fields)) data[`form.${k}`] = v;
      this.setData(data);
    },
    onText(e: DetailEvent<{ value: string }, { field: TextField }>) {
      this.patch({ [e.currentTarget.dataset.field]: e.detail.value });
    },
    onType(e: DetailEvent<{ value: ActivityForm['serviceType'] }>) {
      this.patch({ serviceType: e.detail.value });
    },
    onOrg(e: DetailEvent<{ value: string | number }>) {
      const org = this.data.orgs[Number(e.detail.value)];
      if (org) this.setData({ orgName: org.name, 'form.orgId': org.id, formError: '' });
    },
    onQuestions(e: DetailEvent<{ questions: QuestionForm[] }>) {
      this.patch({ questions: e.detail.questions });
    },
    onWaitlist(e: DetailEvent<{ value: boolean }>) {
      this.patch({ waitlist: e.detail.value });
    },
    async onPlace() {
      const picked = await choosePlace(this.data.form.location);
      if (!picked) return;
      const f = this.data.form;
      // Typed names stay; empty ones are filled from the place picked.
      this.patch({
        location: picked.location,
        venueName: f.venueName.trim() || [...picked.name].slice(0, 40).join(''),
        address: f.address.trim() || [...picked.address].slice(0, 120).join(''),
      });
    },
    onTime(e: TapEvent<{ field: TimeField }>) {
      const field = e.currentTarget.dataset.field;
      this.setData({ picking: field, pickingTitle: TIMES.find((t) => t.key === field)?.label ?? '' });
    },
    onTimePicked(e: DetailEvent<{ value: string }>) {
      const field = this.data.picking;
      this.setData({ picking: '' });
      if (field) this.patch({ [field]: e.detail.value });
    },
    onTimeClosed() {
      this.setData({ picking: '' });
    },

    async onSave() {
      if (this.data.busy) return;
      const problem = checkActivity(this.data.form, Date.now());
      if (problem) return void this.setData({ formError: problem });
      const done = await this.send('save', () => volunteerApi('saveActivity', saveRequest(this.data.form)));
      if (!done) return;
      wx.showToast({ title: this.data.form.id ? '已保存' : '已发布', icon: 'success' });
      wx.navigateBack({ delta: 1 });
    },
    async onCancelActivity() {
      const { id, title } = this.data.form;
      if (!id || this.data.busy) return;
      const reason = await askReason(`取消「${title}」`, '取消原因，会告诉每位报名的队员', '取消活动');
      if (!reason) return;
      const done = await this.send('cancel', () => volunteerApi('cancelActivity', { activityId: id, reason }));
      if (!done) return;
      const { cancelled, waitlisted } = done.report;
      await wx.showModal({
        title: '活动已取消',
        content: `已取消 ${cancelled} 人的报名（含候补 ${waitlisted} 人）。`,
        showCancel: false,
      });
      wx.navigateBack({ delta: 1 });
    },
    /** One request at a time; its refusal shown under the form (saving) or in a modal (cancelling). */
    async send<T>(busy: 'save' | 'cancel', request: () => Promise<T>): Promise<T | null> {
      this.setData({ busy, formError: '' });
      try {
        return await request();
      } catch (err) {
        if (busy === 'save') this.setData({ formError: errorMessage(err, '保存失败，请稍后再试') });
        else wx.showModal({ title: '无法取消', content: errorMessage(err), showCancel: false });
        return null;
      } finally {
        this.setData({ busy: '' });
      }
    },
  },
});
