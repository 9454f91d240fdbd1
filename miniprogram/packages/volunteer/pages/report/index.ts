// 上报服务: service done outside an activity — 网格员值守, helping someone on the
// road, following up a 随手拍 — with what was done, when, and photos; an organiser
// of the member's org reviews it into honor hours (shown in 我的时数).
import type { ChipsChange } from '../../../../components/choice-chips/index';
import type { PhotosChange } from '../../../../components/photo-picker/index';
import { ROUTES } from '../../../../config/routes';
import { errorMessage } from '../../../../utils/errors';
import { ensureLogin } from '../../../../utils/session';
import { volunteerApi } from '../../services/volunteer';
import { REPORT_LABELS, REPORT_TYPES } from '../../utils/labels';
import { blankReport, checkReport, MAX_PHOTOS, MAX_TEXT, reportRequest, type ReportForm } from './form';

type Status = 'loading' | 'ready' | 'error' | 'not_member';
type TimeField = 'startAt' | 'endAt';

const TIME_TITLES: Record<TimeField, string> = { startAt: '开始时间', endAt: '结束时间' };

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    types: REPORT_TYPES.map((value) => ({ value, label: REPORT_LABELS[value] })),
    form: blankReport() as ReportForm,
    maxText: MAX_TEXT,
    maxPhotos: MAX_PHOTOS,
    folder: '',
    uploading: false,
    /** The time field being picked ('' = the picker is closed). */
    picking: '' as TimeField | '',
    pickerTitle: '',
    formError: '',
    busy: false,
  },
  lifetimes: {
    attached() {
      this.load();
    },
  },
  methods: {
    async load() {
      this.setData({ status: 'loading', error: '' });
      try {
        const profile = await ensureLogin();
        const { member } = await volunteerApi('myMembership', {});
        const approved = member?.status === 'approved';
        this.setData({ status: approved ? 'ready' : 'not_member', folder: `volunteer/${profile.userId}` });
      } catch (err) {
        this.setData({ status: 'error', error: errorMessage(err, '加载失败，请稍后再试') });
      }
    },
    onRetry() {
      this.load();
    },
    onType(e: DetailEvent<ChipsChange>) {
      if ('value' in e.detail) this.setData({ 'form.serviceType': e.detail.value, formError: '' });
    },
    onText(e: DetailEvent<{ value: string }>) {
      this.setData({ 'form.text': e.detail.value, formError: '' });
    },
    onOpenPicker(e: TapEvent<{ field: TimeField }>) {
      const field = e.currentTarget.dataset.field;
      this.setData({ picking: field, pickerTitle: TIME_TITLES[field] });
    },
    onPickerConfirm(e: DetailEvent<{ value: string }>) {
      const field = this.data.picking;
      this.setData({ picking: '', ...(field ? { [`form.${field}`]: e.detail.value, formError: '' } : {}) });
    },
    onPickerClose() {
      this.setData({ picking: '' });
    },
    onPhotos(e: DetailEvent<PhotosChange>) {
      const { photos, uploading, error } = e.detail;
      this.setData({ 'form.photos': photos, uploading, formError: error });
    },
    async onSubmit() {
      if (this.data.busy) return;
      if (this.data.uploading) return void this.setData({ formError: '照片还在上传，请稍候' });
      const problem = checkReport(this.data.form, Date.now());
      if (problem) return void this.setData({ formError: problem });
      this.setData({ busy: true, formError: '' });
      try {
        await volunteerApi('submitService', reportRequest(this.data.form));
        wx.showToast({ title: '已提交，等待审核', icon: 'success' });
        this.setData({ form: blankReport() });
        wx.redirectTo({ url: ROUTES.volHours });
      } catch (err) {
        this.setData({ formError: errorMessage(err, '提交失败，请稍后再试') });
      } finally {
        this.setData({ busy: false });
      }
    },
    onJoin() {
      wx.redirectTo({ url: ROUTES.volunteer });
    },
  },
});
