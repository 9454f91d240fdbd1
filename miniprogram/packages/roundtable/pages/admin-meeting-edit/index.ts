// Create or edit a meeting: the kind (fixed once created), the organising org,
// title, topic and description, the venue — one of the org's stations, or an
// address with its point on WeChat's map —, times, seats and the waitlist, who is
// invited, who sits at the table, optional sign-up questions, a training class's
// hours and online series, an activity's type; and cancelling it with a reason
// (every sign-up is notified). The server checks scope and everything again.
import type { ActivityType, MeetingKind } from '../../../../../typings/roundtable';
import type { MyProfile, Occupation } from '../../../../../typings/user';
import { loadByIdHandlers, openedId } from '../../../../components/list-state/reload';
import { OCCUPATION_LABELS, OCCUPATIONS } from '../../../../config/labels';
import { stationApi } from '../../../../services/station';
import { studyApi } from '../../../../services/study';
import { listOrgRows } from '../../../../services/user';
import { errorCode, errorMessage } from '../../../../utils/errors';
import { choosePlace } from '../../../../utils/location';
import { administers, signedInOrganiser } from '../../../../utils/session';
import type { QuestionForm } from '../../../../components/questions-editor/questions';
import { roundtableApi } from '../../services/roundtable';
import { ACTIVITY_LABELS, ACTIVITY_TYPES, KIND_LABELS, MEETING_KINDS } from '../../utils/labels';
import {
  checkMeetingForm,
  formFromMeeting,
  type GuestForm,
  type MeetingForm,
  newForm,
  TIME_FIELDS,
  type TimeField,
  toSaveMeeting,
  type VenueMode,
} from './form';

type Status = 'loading' | 'ready' | 'error' | 'denied';
type TextField =
  'title' | 'topic' | 'description' | 'placeName' | 'address' | 'capacity' | 'course' | 'outline' | 'classHours';

interface Choice {
  id: string;
  name: string;
}

const closedPicker = () => ({ visible: false, field: '' as TimeField | '', value: '', title: '' });

/** What the editor offers: the admin's orgs, the stations of their scope, the published lecture series. */
async function choices(profile: MyProfile) {
  const [rows, stations, series] = await Promise.all([
    listOrgRows(),
    stationApi('adminListStations', { pageSize: 50 }).then((p) => p.items.map((s) => ({ id: s.id, name: s.name }))),
    studyApi('listLectures', { pageSize: 1 }).then((p) => p.series),
  ]);
  const orgs = rows.filter((o) => administers(profile, o)).map((o) => ({ id: o.id, name: o.name }));
  return { orgs, stations, series };
}

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    form: newForm(Date.now()),
    kinds: MEETING_KINDS.map((value) => ({ value, label: KIND_LABELS[value] })),
    venueModes: [
      { value: 'station', label: '在驿站' },
      { value: 'place', label: '其他地点' },
    ],
    activityTypes: ACTIVITY_TYPES.map((value) => ({ value, label: ACTIVITY_LABELS[value] })),
    occupations: OCCUPATIONS.map((value) => ({ value, label: OCCUPATION_LABELS[value] })),
    timeFields: TIME_FIELDS,
    orgs: [] as Choice[],
    orgNames: [] as string[],
    /** The chosen org's name (new meetings). */
    orgName: '',
    stations: [] as Choice[],
    stationNames: [] as string[],
    seriesOptions: [] as { value: string; label: string }[],
    coordsText: '',
    /** What an edit cannot change, in words. */
    fixed: { kind: '', org: '' },
    picker: closedPicker(),
    saving: false,
    cancelling: false,
    formError: '',
  },
  methods: {
    ...loadByIdHandlers(),
    async load() {
      const id = openedId(this);
      this.setData({ status: 'loading', error: '' });
      try {
        const profile = await signedInOrganiser();
        if (!profile) return void this.setData({ status: 'denied' });
        const { orgs, stations, series } = await choices(profile);
        let form: MeetingForm;
        let fixed = { kind: '', org: '' };
        if (id) {
          const m = await roundtableApi('getMeeting', { id });
          if (m.phase === 'ended' || m.phase === 'cancelled') {
            this.setData({
              status: 'error',
              error: m.phase === 'ended' ? '活动已经结束，不能再修改' : '活动已取消，不能再修改',
            });
            return;
          }
          form = formFromMeeting(m);
          fixed = { kind: KIND_LABELS[m.kind], org: m.orgName };
          wx.setNavigationBarTitle({ title: '编辑活动' });
        } else {
          const first = profile.adminOrgIds.find((o) => orgs.some((c) => c.id === o)) ?? orgs[0]?.id ?? '';
          form = newForm(Date.now(), first);
        }
        this.setData({
          status: 'ready',
          form,
          fixed,
          orgs,
          orgNames: orgs.map((o) => o.name),
          orgName: orgs.find((o) => o.id === form.orgId)?.name ?? '',
          stations,
          stationNames: stations.map((s) => s.name),
          seriesOptions: [{ value: '', label: '不需要' }, ...series.map((s) => ({ value: s, label: s }))],
          coordsText: form.location ? `${form.location.lat}, ${form.location.lng}` : '',
          formError: '',
        });
      } catch (err) {
        const missing = errorCode(err) === 'NOT_FOUND';
        this.setData({
          status: 'error',
          error: missing ? '找不到这场活动' : errorMessage(err, '加载失败，请稍后再试'),
        });
      }
    },
    onRetry() {
      this.load();
    },
    set(patch: Record<string, unknown>) {
      const prefixed: Record<string, unknown> = { formError: '' };
      for (const [k, v] of Object.entries(patch)) prefixed[`form.${k}`] = v;
      this.setData(prefixed);
    },

    // --- fields
    onText(e: DetailEvent<{ value: string }, { field: TextField }>) {
      this.set({ [e.currentTarget.dataset.field]: e.detail.value });
    },
    onKind(e: DetailEvent<{ value: MeetingKind }>) {
      this.set({ kind: e.detail.value });
    },
    onOrg(e: DetailEvent<{ value: string | number }>) {
      const org = this.data.orgs[Number(e.detail.value)];
      if (!org) return;
      this.setData({ orgName: org.name });
      this.set({ orgId: org.id });
    },
    onVenueMode(e: DetailEvent<{ value: VenueMode }>) {
      this.set({ venueMode: e.detail.value });
    },
    onStation(e: DetailEvent<{ value: string | number }>) {
      const s = this.data.stations[Number(e.detail.value)];
      if (s) this.set({ stationId: s.id, stationName: s.name });
    },
    async onChooseLocation() {
      const picked = await choosePlace(this.data.form.location);
      if (!picked) return;
      const f = this.data.form;
      this.setData({ coordsText: `${picked.location.lat}, ${picked.location.lng}` });
      this.set({
        location: picked.location,
        // What was typed is kept; empty fields are filled from the place picked.
        ...(f.placeName.trim() ? {} : { placeName: [...picked.name].slice(0, 40).join('') }),
        ...(f.address.trim() ? {} : { address: [...picked.address].slice(0, 120).join('') }),
      });
    },
    onWaitlist(e: DetailEvent<{ value: boolean }>) {
      this.set({ waitlist: e.detail.value });
    },
    onOccupations(e: DetailEvent<{ values: Occupation[] }>) {
      this.set({ occupations: e.detail.values });
    },
    onGuests(e: DetailEvent<{ guests: GuestForm[] }>) {
      this.set({ guests: e.detail.guests });
    },
    onQuestions(e: DetailEvent<{ questions: QuestionForm[] }>) {
      this.set({ questions: e.detail.questions });
    },
    onSeries(e: DetailEvent<{ value: string }>) {
      this.set({ series: e.detail.value });
    },
    onActivityType(e: DetailEvent<{ value: ActivityType }>) {
      this.set({ activityType: e.detail.value });
    },

    // --- times
    onOpenPicker(e: TapEvent<{ field: TimeField; label: string }>) {
      const { field, label } = e.currentTarget.dataset;
      this.setData({ picker: { visible: true, field, value: this.data.form[field], title: label } });
    },
    onPickerConfirm(e: DetailEvent<{ value: string }>) {
      const field = this.data.picker.field;
      if (field) this.set({ [field]: e.detail.value });
      this.setData({ picker: closedPicker() });
    },
    onPickerClose() {
      this.setData({ picker: closedPicker() });
    },

    // --- save and cancel
    async onSave() {
      if (this.data.saving) return;
      const form = this.data.form;
      const problem = checkMeetingForm(form);
      if (problem) {
        this.setData({ formError: problem });
        return;
      }
      this.setData({ saving: true, formError: '' });
      try {
        await roundtableApi('saveMeeting', toSaveMeeting(form));
        wx.showToast({ title: form.id ? '已保存' : '已发布', icon: 'success' });
        wx.navigateBack({ delta: 1 });
      } catch (err) {
        this.setData({ formError: errorMessage(err, '保存失败，请稍后再试') });
      } finally {
        this.setData({ saving: false });
      }
    },
    async onCancelMeeting() {
      const { id, title } = this.data.form;
      if (!id || this.data.cancelling) return;
      const { confirm, content } = await wx.showModal({
        title: `取消「${title}」`,
        editable: true,
        placeholderText: '取消原因，会通知每位报名者',
        confirmText: '取消活动',
        cancelText: '不取消',
        confirmColor: '#C8161D',
      });
      if (!confirm) return;
      const reason = (content ?? '').trim();
      if ([...reason].length < 2) {
        wx.showToast({ title: '请填写取消原因（至少 2 个字）', icon: 'none' });
        return;
      }
      this.setData({ cancelling: true });
      try {
        const { report } = await roundtableApi('cancelMeeting', { id, reason });
        await wx.showModal({
          title: '活动已取消',
          content: `已取消 ${report.cancelled} 人的报名，微信通知送达 ${report.notices.sent} 人。`,
          showCancel: false,
        });
        wx.navigateBack({ delta: 1 });
      } catch (err) {
        wx.showModal({ title: '无法取消', content: errorMessage(err), showCancel: false });
      } finally {
        this.setData({ cancelling: false });
      }
    },
  },
});
