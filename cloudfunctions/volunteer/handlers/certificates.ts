// 志愿服务记录证明 (民政部令第67号): free and self-service. A member asks for a
// period; the certificate shows their name and masked phone, the hours (credit
// and honor apart) and what the service was, the issuing org (their own), a
// number and a date — stored as that snapshot. Anyone may verify a number and
// sees the snapshot with the name masked (never more than the paper shows); an
// unknown number is NOT_FOUND. The poster is drawn
// by the client (components/share-poster) with a mini-program code that opens
// the verify page for the number.
import { randomBytes } from 'node:crypto';
import type { CertificateService, VolunteerCertificate, VolunteerTeamApi } from '../../../typings/volunteer-team';
import { requireUser } from '../../_shared/caller';
import { beijingDay } from '../../_shared/clock';
import { conflict, invalid, notFound } from '../../_shared/errors';
import type { Handlers } from '../../_shared/function';
import { maskName, maskPhone } from '../../_shared/mask';
import { dayKey, form, id, inOrder, withRule } from '../../_shared/validation';
import { miniProgramCode } from '../../_shared/wxacode';
import { dayRange } from '../rules/months';
import { certificateNumber, VERIFY_PAGE, verifyPath } from '../rules/numbering';
import { type CertificateDoc, certificateOfKey, getCertificate, issueCertificate } from '../store/certificates';
import { ofUserBetween } from '../store/hours';
import { getMember } from '../store/members';

/** Lines of service content a certificate lists. */
const CONTENT_LINES = 20;

/** Before any service the team could have recorded. */
const EARLIEST = '2000-01-01';

const PERIOD_LABELS = { from: '开始日期', to: '结束日期' };

const numberInput = form({ number: id() }, { number: '证明编号' });

type CertificateActions = Pick<VolunteerTeamApi, 'myCertificate' | 'certificatePosterCode' | 'verifyCertificate'>;

export const certificateHandlers = {
  myCertificate: {
    access: 'worker',
    input: withRule(
      form({ from: dayKey().optional(), to: dayKey().optional() }, PERIOD_LABELS),
      inOrder(['from', 'to'], PERIOD_LABELS, { orEqual: true }),
    ),
    async run({ caller, now }, input) {
      const userId = requireUser(caller)._id;
      const member = await getMember(userId);
      if (!member || member.status === 'pending' || member.status === 'rejected')
        throw conflict('加入志愿者队伍并有服务记录后才能开具证明');
      const today = beijingDay(now);
      const to = input.to ?? today;
      if (to > today) throw invalid('输入有误「结束日期」：不能晚于今天');
      if (input.from && input.from > to) throw invalid('输入有误「开始日期」：不能晚于结束日期');
      const range = dayRange(input.from ?? EARLIEST, to);
      const records = await ofUserBetween(userId, range.from, range.to);
      if (!records.length) throw conflict('这段时间没有志愿服务记录，无法开具证明');
      // Without a start: from the first service on record.
      const from = input.from ?? beijingDay(records[0]!.startAt);
      const creditMinutes = records.filter((r) => r.kind === 'credit').reduce((n, r) => n + r.minutes, 0);
      const honorMinutes = records.filter((r) => r.kind === 'honor').reduce((n, r) => n + r.minutes, 0);
      const issueKey = [userId, from, to, creditMinutes, honorMinutes, records.length].join('|');
      const existing = await certificateOfKey(issueKey);
      if (existing) return existing.snapshot;
      const content: CertificateService[] = [...records]
        .sort((a, b) => b.minutes - a.minutes || a.startAt.getTime() - b.startAt.getTime())
        .slice(0, CONTENT_LINES)
        .map((r) => ({ title: r.title, startAt: r.startAt.toISOString(), minutes: r.minutes, kind: r.kind }));
      const number = certificateNumber(Number(today.slice(0, 4)), randomBytes(10));
      const snapshot: VolunteerCertificate = {
        number,
        issuedAt: now.toISOString(),
        holder: { name: member.realName, phoneMasked: maskPhone(member.phone) },
        orgId: member.orgId,
        orgName: member.orgName,
        from,
        to,
        creditMinutes,
        honorMinutes,
        totalMinutes: creditMinutes + honorMinutes,
        services: records.length,
        content,
        verifyPath: verifyPath(number),
      };
      const doc: CertificateDoc = { _id: number, issueKey, userId, snapshot, issuedAt: now };
      return (await issueCertificate(doc)).snapshot;
    },
  },

  certificatePosterCode: {
    access: 'worker',
    input: numberInput,
    async run({ caller }, input) {
      const cert = await getCertificate(input.number);
      if (!cert || cert.userId !== requireUser(caller)._id) throw notFound('证明');
      // The scene carries the number (22 characters, inside WeChat's 32).
      const fileId = await miniProgramCode(VERIFY_PAGE, `no=${cert._id}`, `posters/certificate-${cert._id}.png`);
      return { fileId };
    },
  },

  verifyCertificate: {
    access: 'public',
    input: numberInput,
    async run(_ctx, input) {
      const cert = await getCertificate(input.number);
      if (!cert) throw notFound('志愿服务记录证明');
      // Anyone holding the number sees the certificate with the name masked (the paper has it in full).
      const { holder } = cert.snapshot;
      return { ...cert.snapshot, holder: { ...holder, name: maskName(holder.name) } };
    },
  },
} satisfies Handlers<CertificateActions>;
