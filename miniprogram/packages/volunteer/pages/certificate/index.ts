// 志愿服务记录证明 (民政部令第67号), free and self-service: the member chooses a
// period and sees a preview of exactly what the certificate will state — name,
// masked phone, credit and honor hours apart and their total, the service
// content, the issuing org — then 开具证明 issues it (the same period and hours
// give the same certificate). The issued one is drawn as a poster through the one
// poster pipeline (<share-poster>) with a mini-program code to the verify page;
// 保存到相册 or 分享 sends it on, and anyone can verify its number.
import type { SharePoster } from '../../../../components/share-poster/index';
import type { ChipsChange } from '../../../../components/choice-chips/index';
import type { HoursRecord, VolunteerCertificate, VolunteerMember } from '../../../../../typings/volunteer-team';
import { ROUTES } from '../../../../config/routes';
import { errorMessage } from '../../../../utils/errors';
import { ensureLogin } from '../../../../utils/session';
import { volunteerApi } from '../../services/volunteer';
import { type CertificateView, certificateView, previewCertificate } from '../../utils/certificate';
import { certificateLayout } from './layout';
import { PERIOD_OPTIONS, type PeriodChoice, periodOf, today } from './period';

type Status = 'loading' | 'ready' | 'unregistered' | 'empty' | 'error';

/** myHours pages read for the preview (50 each: the 1,000 records myCertificate reads). */
const MAX_PAGES = 20;

/** Only approved (or suspended) members have a record to certify. */
const CERTIFIABLE = ['approved', 'suspended'];

/** Kept off `data`: the member's record and hours behind the preview. */
const sources = new WeakMap<object, { member: VolunteerMember; records: HoursRecord[] }>();
/** The issued certificate, for drawing its poster again. */
const issuedOf = new WeakMap<object, VolunteerCertificate>();

async function allRecords(): Promise<HoursRecord[]> {
  const records: HoursRecord[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await volunteerApi('myHours', { page, pageSize: 50 });
    records.push(...res.records.items);
    if (!res.records.hasMore) break;
  }
  return records;
}

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    emptyText: '',
    periods: PERIOD_OPTIONS,
    period: 'all' as PeriodChoice,
    today: today(),
    from: `${today().slice(0, 4)}-01-01`,
    to: today(),
    preview: null as CertificateView | null,
    issued: null as CertificateView | null,
    issuing: false,
    posterStatus: 'loading' as 'loading' | 'ready' | 'error',
    posterError: '',
  },
  methods: {
    onLoad() {
      this.load();
    },
    async load() {
      this.setData({ status: 'loading', error: '' });
      try {
        const profile = await ensureLogin();
        if (!profile.registered) return void this.setData({ status: 'unregistered' });
        const { member } = await volunteerApi('myMembership', {});
        if (!member || !CERTIFIABLE.includes(member.status))
          return void this.setData({
            status: 'empty',
            emptyText: '加入先锋骑士志愿者队伍并有服务记录后，就能开具志愿服务记录证明',
          });
        sources.set(this, { member, records: await allRecords() });
        this.setData({ status: 'ready' });
        this.refreshPreview();
      } catch (err) {
        this.setData({ status: 'error', error: errorMessage(err, '加载失败，请稍后重试') });
      }
    },
    chosenPeriod() {
      const { period, from, to } = this.data;
      return periodOf(period, { from, to });
    },
    refreshPreview() {
      const source = sources.get(this);
      if (!source) return;
      const facts = previewCertificate(source.member, source.records, this.chosenPeriod());
      this.setData({ preview: facts ? certificateView(facts) : null, issued: null });
    },
    onPeriod(e: DetailEvent<ChipsChange>) {
      if (!('value' in e.detail) || e.detail.value === this.data.period) return;
      this.setData({ period: e.detail.value as PeriodChoice });
      this.refreshPreview();
    },
    onDate(e: { currentTarget: { dataset: { field: 'from' | 'to' } }; detail: { value: string } }) {
      const field = e.currentTarget.dataset.field;
      const value = e.detail.value;
      // Keep the period in order: moving one end past the other moves both.
      const other = field === 'from' ? { to: value > this.data.to ? value : this.data.to } : {};
      const before = field === 'to' ? { from: value < this.data.from ? value : this.data.from } : {};
      this.setData({ [field]: value, ...other, ...before });
      this.refreshPreview();
    },
    async onIssue() {
      if (!this.data.preview || this.data.issuing) return;
      this.setData({ issuing: true });
      try {
        const cert = await volunteerApi('myCertificate', this.chosenPeriod());
        issuedOf.set(this, cert);
        this.setData({ issued: certificateView(cert), posterStatus: 'loading', posterError: '' });
        await this.drawPoster(cert);
      } catch (err) {
        wx.showModal({ title: '无法开具证明', content: errorMessage(err), showCancel: false });
      } finally {
        this.setData({ issuing: false });
      }
    },
    async drawPoster(cert: VolunteerCertificate) {
      try {
        const { fileId } = await volunteerApi('certificatePosterCode', { number: cert.number });
        const view = certificateView(cert);
        const poster = this.selectComponent('#poster') as unknown as SharePoster;
        await poster.draw(({ wrap }) => certificateLayout(view, wrap), { code: { fileId } });
        this.setData({ posterStatus: 'ready' });
      } catch (err) {
        this.setData({ posterStatus: 'error', posterError: errorMessage(err, '海报生成失败，请稍后重试') });
      }
    },
    onRetryPoster() {
      const cert = issuedOf.get(this);
      if (!cert) return;
      this.setData({ posterStatus: 'loading', posterError: '' });
      this.drawPoster(cert);
    },
    onVerify() {
      const number = this.data.issued?.number;
      if (number) wx.navigateTo({ url: `${ROUTES.verifyCertificate}?no=${number}` });
    },
    onShareAppMessage() {
      const number = this.data.issued?.number;
      return number
        ? { title: '我的志愿服务记录证明', path: `${ROUTES.verifyCertificate}?no=${number}` }
        : { title: '志愿服务记录证明核验', path: ROUTES.verifyCertificate };
    },
  },
});
