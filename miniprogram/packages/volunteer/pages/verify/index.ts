// 核验志愿服务记录证明, for anyone (no sign-in): opened from the poster's
// mini-program code (scene "no=…"), a shared link (?no=) or by typing the number.
// It shows exactly what the certificate shows (the name masked, as the server
// gives it) — or 未找到 for a number no certificate has.
import { ROUTES } from '../../../../config/routes';
import { errorCode, errorMessage } from '../../../../utils/errors';
import { volunteerApi } from '../../services/volunteer';
import { type CertificateView, certificateNumberFrom, certificateView } from '../../utils/certificate';

type Status = 'idle' | 'loading' | 'found' | 'notFound' | 'error';

Component({
  data: {
    number: '',
    status: 'idle' as Status,
    error: '',
    cert: null as CertificateView | null,
  },
  methods: {
    onLoad(query: { no?: string; scene?: string }) {
      const number = certificateNumberFrom(query);
      this.setData({ number });
      if (number) this.verify();
    },
    onInput(e: { detail: { value: string } }) {
      this.setData({ number: e.detail.value });
    },
    async verify() {
      const number = this.data.number.replace(/\s/g, '').toUpperCase();
      if (!number) return void wx.showToast({ title: '请输入证明编号', icon: 'none' });
      this.setData({ number, status: 'loading', error: '', cert: null });
      try {
        const cert = await volunteerApi('verifyCertificate', { number });
        this.setData({ status: 'found', cert: certificateView(cert) });
      } catch (err) {
        // A forged or mistyped number is NOT_FOUND (as is one the schema refuses).
        const code = errorCode(err);
        if (code === 'NOT_FOUND' || code === 'INVALID_ARGUMENT') this.setData({ status: 'notFound' });
        else this.setData({ status: 'error', error: errorMessage(err, '核验失败，请稍后重试') });
      }
    },
    onShareAppMessage() {
      const { status, number } = this.data;
      return {
        title: '志愿服务记录证明核验',
        path: status === 'found' ? `${ROUTES.verifyCertificate}?no=${number}` : ROUTES.verifyCertificate,
      };
    },
  },
});
