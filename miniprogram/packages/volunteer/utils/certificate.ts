// 志愿服务记录证明 on the client: the card's words for a certificate (issued, or
// verified with the name masked), and the preview of one before it is issued —
// built from the member's own record and hours by the rules myCertificate uses
// (Beijing days by the service's start; content longest first, at most 20), so
// the preview states what the issued certificate will.
import type { DayKey } from '../../../../typings/study';
import type {
  CertificateService,
  HoursKind,
  HoursRecord,
  VolunteerCertificate,
  VolunteerMember,
} from '../../../../typings/volunteer-team';
import { formatDate } from '../../../utils/format';

/** What a certificate states, issued or not (a preview has no number, date or verify path yet). */
export type CertificateFacts = Omit<VolunteerCertificate, 'number' | 'issuedAt' | 'verifyPath'> &
  Partial<Pick<VolunteerCertificate, 'number' | 'issuedAt'>>;

export const HOURS_KIND_LABELS: Record<HoursKind, string> = { credit: '信用时数', honor: '荣誉时数' };

/** Lines of service content a certificate lists (myCertificate's). */
const CONTENT_LINES = 20;

/** Whole minutes as hours: 105 → "1.75", 120 → "2". */
export const hoursText = (minutes: number): string => String(Math.round((minutes / 60) * 100) / 100);

/** 13812345678 → 138****5678, as the certificate masks it. */
export const maskPhone = (phone: string): string =>
  phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone ? '****' : '';

/** "2026-01-01 至 2026-11-30". */
export const periodText = (from: DayKey, to: DayKey): string => `${from} 至 ${to}`;

/** A certificate as its card shows it. */
export interface CertificateView {
  number: string;
  issuedText: string;
  name: string;
  phoneMasked: string;
  orgName: string;
  periodText: string;
  creditText: string;
  honorText: string;
  totalText: string;
  services: number;
  content: { title: string; dateText: string; hoursText: string; kindLabel: string }[];
}

export const contentLine = (s: CertificateService) => ({
  title: s.title,
  dateText: formatDate(s.startAt),
  hoursText: `${hoursText(s.minutes)} 小时`,
  kindLabel: HOURS_KIND_LABELS[s.kind],
});

export function certificateView(c: CertificateFacts): CertificateView {
  return {
    number: c.number ?? '',
    issuedText: c.issuedAt ? formatDate(c.issuedAt) : '',
    name: c.holder.name,
    phoneMasked: c.holder.phoneMasked,
    orgName: c.orgName,
    periodText: periodText(c.from, c.to),
    creditText: `${hoursText(c.creditMinutes)} 小时`,
    honorText: `${hoursText(c.honorMinutes)} 小时`,
    totalText: `${hoursText(c.totalMinutes)} 小时`,
    services: c.services,
    content: c.content.map(contentLine),
  };
}

/**
 * What myCertificate would state for the period: the member's records whose
 * service starts within [from, to] (Beijing days; without `from`, from the first
 * record). null when the period has no record (nothing to certify).
 */
export function previewCertificate(
  member: VolunteerMember,
  records: HoursRecord[],
  period: { from?: DayKey; to: DayKey },
): CertificateFacts | null {
  const inPeriod = records
    .filter((r) => {
      const day = formatDate(r.startAt);
      return (!period.from || day >= period.from) && day <= period.to;
    })
    .sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt));
  if (!inPeriod.length) return null;
  const sum = (kind: HoursKind) => inPeriod.filter((r) => r.kind === kind).reduce((n, r) => n + r.minutes, 0);
  const creditMinutes = sum('credit');
  const honorMinutes = sum('honor');
  const content = [...inPeriod]
    .sort((a, b) => b.minutes - a.minutes || Date.parse(a.startAt) - Date.parse(b.startAt))
    .slice(0, CONTENT_LINES)
    .map((r) => ({ title: r.title, startAt: r.startAt, minutes: r.minutes, kind: r.kind }));
  return {
    holder: { name: member.realName, phoneMasked: maskPhone(member.phone) },
    orgId: member.orgId,
    orgName: member.orgName,
    from: period.from ?? formatDate(inPeriod[0]!.startAt),
    to: period.to,
    creditMinutes,
    honorMinutes,
    totalMinutes: creditMinutes + honorMinutes,
    services: inPeriod.length,
    content,
  };
}

/** The certificate number a verify page was opened with: ?no=, or a mini-program code's scene "no=…". */
export function certificateNumberFrom(query: { no?: string; scene?: string }): string {
  if (query.no) return decodeURIComponent(query.no).trim().toUpperCase();
  const scene = query.scene ? decodeURIComponent(query.scene) : '';
  const m = /(?:^|&)no=([^&]+)/.exec(scene);
  return m ? m[1]!.trim().toUpperCase() : '';
}
