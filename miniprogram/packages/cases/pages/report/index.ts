// 随手拍 in one screen that takes seconds: photos first (1–9, camera or album,
// uploaded at once to cases/<userId>/), a category, an optional line, the place —
// the current position only if location was allowed before (opening never asks;
// 定位 asks), or an address — and 匿名 (no identity, no points). Submitting asks for
// the answered notice and opens the case with the confirmation.
import type { ReportCategory } from '../../../../../typings/cases';
import type { PhotosChange, PickedPhoto } from '../../../../components/photo-picker/index';
import type { ChipsChange } from '../../../../components/choice-chips/index';
import { ROUTES } from '../../../../config/routes';
import { listOrgRows, type OrgChoice, orgChoices } from '../../../../services/user';
import { errorCode, errorMessage } from '../../../../utils/errors';
import { askPosition, type Position, quietPosition } from '../../../../utils/location';
import { currentProfile, ensureLogin } from '../../../../utils/session';
import { categoryOptions } from '../../utils/labels';
import { caseOptions } from '../../utils/options';
import { openSubmitted, photoFolder, raiserTemplateIds, submitWithNotice } from '../../utils/submit';

type Status = 'loading' | 'ready' | 'error';

const REFUSED_TEXT = '可以直接填写地址。想附上所在位置，请在设置中允许「位置信息」；位置只随这条随手拍发给处理组织。';

/** The first obvious problem, or null (the server checks everything again). */
function problemOf(d: {
  photos: PickedPhoto[];
  category: string;
  uploading: boolean;
  registered: boolean;
  orgIndex: number;
}): string | null {
  if (d.uploading) return '照片还在上传，请稍候';
  if (!d.photos.length) return '请至少拍 1 张照片';
  if (!d.category) return '请选择问题类别';
  if (!d.registered && d.orgIndex < 0) return '请选择问题所在的街道或区';
  return null;
}

/** Where someone with no registered org sends a report: the streets and districts (public space is theirs). */
async function reportOrgs(): Promise<OrgChoice[]> {
  return orgChoices((await listOrgRows()).filter((o) => o.type === 'street' || o.type === 'district'));
}

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    photoFolder: '',
    maxPhotos: 9,
    photos: [] as PickedPhoto[],
    uploading: false,
    categories: categoryOptions('report'),
    category: '' as ReportCategory | '',
    note: '',
    address: '',
    position: null as Position | null,
    locating: false,
    anonymous: false,
    publicOptIn: false,
    options: [
      { value: 'anonymous', label: '匿名上报' },
      { value: 'public', label: '答复后公开' },
    ],
    /** The chips chosen: anonymous and publicOptIn as choice-chips values. */
    optionValues: [] as string[],
    registered: true,
    pointsText: '实名上报，核实有效后可获蜂力值',
    submitting: false,
    formError: '',
    templateIds: [] as string[],
    /** Not registered: the org the report goes to (a registered rider's goes to their own org). */
    orgs: [] as OrgChoice[],
    orgIndex: -1,
  },
  lifetimes: {
    attached() {
      this.start();
      // Never prompts: the position is added only if location was allowed before.
      quietPosition().then((q) => {
        if (q.allowed && q.position) this.setData({ position: q.position });
      });
      caseOptions()
        .then((o) =>
          this.setData({
            maxPhotos: o.maxPhotos,
            pointsText: `实名上报，核实有效后可获 ${o.reportPoints.first} 蜂力值`,
          }),
        )
        .catch(() => undefined);
      raiserTemplateIds().then((templateIds) => this.setData({ templateIds }));
    },
  },
  pageLifetimes: {
    show() {
      // Back from 去登记: a registered rider may report under their name now.
      const p = currentProfile();
      if (p && p.registered !== this.data.registered) this.setData({ registered: p.registered });
    },
  },
  methods: {
    async start() {
      this.setData({ status: 'loading', error: '' });
      try {
        const profile = await ensureLogin();
        // Not registered: a report can only be anonymous (and earns nothing).
        this.setData({ status: 'ready', photoFolder: photoFolder(profile.userId), registered: profile.registered });
        this.setToggles(!profile.registered || this.data.anonymous, this.data.publicOptIn);
        if (!profile.worker) this.setData({ orgs: await reportOrgs().catch(() => [] as OrgChoice[]) });
      } catch (err) {
        this.setData({ status: 'error', error: errorMessage(err, '加载失败，请检查网络后重试') });
      }
    },
    onPhotos(e: DetailEvent<PhotosChange>) {
      const { photos, uploading, error } = e.detail;
      this.setData({ photos, uploading, formError: error });
    },
    onCategory(e: DetailEvent<ChipsChange>) {
      if ('value' in e.detail) this.setData({ category: e.detail.value as ReportCategory, formError: '' });
    },
    onOrg(e: DetailEvent<{ value: string | number }>) {
      this.setData({ orgIndex: Number(e.detail.value), formError: '' });
    },
    onNote(e: DetailEvent<{ value: string }>) {
      this.setData({ note: e.detail.value });
    },
    onAddress(e: DetailEvent<{ value: string }>) {
      this.setData({ address: e.detail.value });
    },
    /** 定位 asks (WeChat's prompts, or its settings after a refusal); tapped again, the position is dropped. */
    async onLocate() {
      if (this.data.locating) return;
      if (this.data.position) {
        this.setData({ position: null });
        return;
      }
      this.setData({ locating: true });
      const position = await askPosition(REFUSED_TEXT);
      this.setData({ locating: false, ...(position ? { position } : {}) });
    },
    /** 匿名上报 and 公开到「实事共办」, two toggles in one row of chips. */
    onOptions(e: DetailEvent<ChipsChange>) {
      if (!('values' in e.detail)) return;
      const anonymous = e.detail.values.includes('anonymous');
      const publicOptIn = e.detail.values.includes('public');
      if (!anonymous && !this.data.registered) {
        this.setToggles(true, publicOptIn);
        this.offerRegistration('实名上报请先完成信息登记，也可以匿名上报（不获得蜂力值）');
        return;
      }
      this.setToggles(anonymous, publicOptIn);
    },
    setToggles(anonymous: boolean, publicOptIn: boolean) {
      const optionValues = [...(anonymous ? ['anonymous'] : []), ...(publicOptIn ? ['public'] : [])];
      this.setData({ anonymous, publicOptIn, optionValues, formError: '' });
    },

    onSubmit() {
      if (this.data.submitting) return;
      const problem = problemOf(this.data);
      if (problem) {
        this.setData({ formError: problem });
        return;
      }
      const {
        category,
        note,
        address,
        position,
        anonymous,
        publicOptIn,
        photos,
        templateIds,
        registered,
        orgs,
        orgIndex,
      } = this.data;
      const orgId = registered ? '' : (orgs[orgIndex]?.id ?? '');
      this.setData({ submitting: true, formError: '' });
      // Synchronously within the tap: WeChat asks for the answered notice only from one.
      return submitWithNotice(
        {
          kind: 'report',
          category: category as ReportCategory,
          photos: photos.map((p) => p.fileId),
          ...(note.trim() ? { description: note.trim() } : {}),
          ...(address.trim() ? { address: address.trim() } : {}),
          ...(position ? { location: position } : {}),
          ...(anonymous ? { anonymous: true } : {}),
          ...(publicOptIn ? { publicOptIn: true } : {}),
          ...(orgId ? { orgId } : {}),
        },
        templateIds,
      )
        .then((c) => {
          wx.showToast({ title: '已提交', icon: 'success' });
          openSubmitted(c);
        })
        .catch((err: unknown) => {
          if (errorCode(err) === 'NOT_REGISTERED') this.offerRegistration(errorMessage(err));
          // RATE_LIMITED, CONTENT_REJECTED, UNAVAILABLE…: the server's message says what to do.
          else this.setData({ formError: errorMessage(err, '提交失败，请稍后再试') });
        })
        .finally(() => this.setData({ submitting: false }));
    },
    async offerRegistration(content: string) {
      const { confirm } = await wx.showModal({
        title: '还未登记',
        content,
        confirmText: '去登记',
        cancelText: '匿名上报',
      });
      if (confirm) wx.navigateTo({ url: ROUTES.register });
      else this.setToggles(true, this.data.publicOptIn);
    },
    onMine() {
      wx.navigateTo({ url: `${ROUTES.myCases}?kind=report` });
    },
  },
});
