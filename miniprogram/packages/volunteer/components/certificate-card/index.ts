// What a 志愿服务记录证明 states, as one card for the member's certificate page
// (its preview and the issued one) and the public verify page — so the page
// that verifies a number shows exactly what the certificate shows.
import type { CertificateView } from '../../utils/certificate';

Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    cert: { type: Object, value: null as CertificateView | null },
    /** Not issued yet: 预览, without number and date. */
    preview: { type: Boolean, value: false },
  },
});
