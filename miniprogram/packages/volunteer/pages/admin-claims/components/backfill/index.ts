// 补录荣誉时数: an organiser finds an approved member of their org sub-tree by
// name or phone, picks the ended activity served (or writes what the service was
// and when), the hours, the reason and the evidence; the server caps and audits it.
import type { AdminVolunteerMember } from '../../../../../../../typings/volunteer-team';
import type { PhotosChange } from '../../../../../../components/photo-picker/index';
import { errorMessage, toastError } from '../../../../../../utils/errors';
import { currentProfile } from '../../../../../../utils/session';
import { volunteerApi } from '../../../../services/volunteer';
import { durationText, spanText } from '../../../../utils/labels';
import { backfillRequest, blankBackfill, capMinutes, checkBackfill, type BackfillForm } from './form';

type TimeField = 'startAt' | 'endAt';
type TextField = 'title' | 'hours' | 'reason';

const memberText = (m: AdminVolunteerMember) => `${m.realName} ${m.phone} · ${m.orgName}`;

Component({
  options: { styleIsolation: 'apply-shared' },
  data: {
    keyword: '',
    members: [] as { userId: string; text: string }[],
    searched: false,
    activities: [] as { id: string; label: string; minutes: number }[],
    activityLabels: ['不关联活动'] as string[],
    activityIndex: 0,
    form: blankBackfill() as BackfillForm,
    capText: '',
    folder: '',
    uploading: false,
    picking: '' as TimeField | '',
    formError: '',
    busy: false,
  },
  lifetimes: {
    attached() {
      this.setData({ folder: `volunteer/${currentProfile()?.userId ?? 'admin'}` });
      this.loadActivities();
    },
  },
  methods: {
    async loadActivities() {
      try {
        const res = await volunteerApi('adminListActivities', { page: 1, pageSize: 50, phase: 'ended' });
        const activities = res.items.map((a) => ({
          id: a.id,
          label: `${a.title}（${spanText(a.startAt, a.endAt)}）`,
          minutes: a.plannedMinutes,
        }));
        this.setData({ activities, activityLabels: ['不关联活动', ...activities.map((a) => a.label)] });
      } catch (err) {
        toastError(err, '活动列表加载失败');
      }
    },
    patch(fields: Partial<BackfillForm>) {
      const data: Record<string, unknown> = { formError: '' };
      for (const [k, v] of Object.entries(fields)) data[`form.${k}`] = v;
      this.setData(data);
      const cap = capMinutes({ ...this.data.form, ...fields });
      this.setData({ capText: cap > 0 ? `最多 ${durationText(cap)}` : '' });
    },
    onKeyword(e: DetailEvent<{ value: string }>) {
      this.setData({ keyword: e.detail.value });
    },
    async onSearch() {
      const keyword = this.data.keyword.trim();
      if (!keyword) return;
      try {
        const res = await volunteerApi('listMembers', { page: 1, pageSize: 10, keyword, status: 'approved' });
        this.setData({ members: res.items.map((m) => ({ userId: m.userId, text: memberText(m) })), searched: true });
      } catch (err) {
        toastError(err, '查找失败，请稍后再试');
      }
    },
    onMember(e: TapEvent<{ index: number }>) {
      const m = this.data.members[e.currentTarget.dataset.index];
      if (m) {
        this.patch({ userId: m.userId, memberText: m.text });
        this.setData({ members: [], searched: false });
      }
    },
    onActivity(e: DetailEvent<{ value: string | number }>) {
      const index = Number(e.detail.value);
      const a = this.data.activities[index - 1];
      this.setData({ activityIndex: index });
      this.patch({ activityId: a?.id ?? '', activityMinutes: a?.minutes ?? 0 });
    },
    onText(e: DetailEvent<{ value: string }, { field: TextField }>) {
      this.patch({ [e.currentTarget.dataset.field]: e.detail.value });
    },
    onTime(e: TapEvent<{ field: TimeField }>) {
      this.setData({ picking: e.currentTarget.dataset.field });
    },
    onTimePicked(e: DetailEvent<{ value: string }>) {
      const field = this.data.picking;
      this.setData({ picking: '' });
      if (field) this.patch({ [field]: e.detail.value });
    },
    onTimeClosed() {
      this.setData({ picking: '' });
    },
    onEvidence(e: DetailEvent<PhotosChange>) {
      this.setData({ uploading: e.detail.uploading, formError: e.detail.error });
      this.patch({ evidence: e.detail.photos });
    },
    async onSubmit() {
      if (this.data.busy) return;
      if (this.data.uploading) return void this.setData({ formError: '凭证还在上传，请稍候' });
      const problem = checkBackfill(this.data.form, Date.now());
      if (problem) return void this.setData({ formError: problem });
      this.setData({ busy: true, formError: '' });
      try {
        const record = await volunteerApi('addHonorHours', backfillRequest(this.data.form));
        await wx.showModal({
          title: '已补录',
          content: `${this.data.form.memberText.split(' ')[0]}：荣誉时数 ${durationText(record.minutes)}，${record.points} 积分。`,
          showCancel: false,
        });
        this.setData({ form: blankBackfill(), activityIndex: 0, capText: '' });
      } catch (err) {
        this.setData({ formError: errorMessage(err, '补录失败，请稍后再试') });
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
