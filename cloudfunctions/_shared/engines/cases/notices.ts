// Subscribe messages of the case engine. The raiser: "answered", claimed on the
// case (pending → sending) right after the answer and sent to the raiser's own
// openid; one the answerer could not send is sent by the scheduler. The owner
// org's admins: the reminder the working day before the due date and the overdue
// notice the working day after it; the parent org's admins: the escalation 5
// working days after it. Each stage is claimed on the case before anything is
// sent, so it goes out at most once per case (_shared/subscribe/send.ts takes one
// grant per message; 43101/20004 are recorded, never retried).
import { BEIJING, dayjs } from '../../clock';
import { type CaseDoc, claimAnsweredNotice, type NoticeStage, recordStage, type StageNotice } from '../../stores/cases';
import { adminsOf } from '../../stores/users';
import { type NoticeOutcome, sendSubscribe } from '../../subscribe/send';
import { messageData } from '../../subscribe/templates';
import { caseTemplate, type CaseNoticeKind, PAGES } from './config';

const day = (at: Date) => dayjs(at).tz(BEIJING).format('M月D日');

const STAGE_NOTICE: Record<NoticeStage, CaseNoticeKind> = {
  reminder: 'dueSoon',
  overdue: 'overdue',
  escalation: 'escalated',
};

function stageFields(stage: NoticeStage, c: CaseDoc) {
  return {
    title: c.title,
    time: c.dueAt,
    status: { reminder: '即将到期', overdue: '已超期', escalation: '超期督办' }[stage],
    tip: {
      reminder: `${c.orgName}：${day(c.dueAt)}前需答复`,
      overdue: `${c.orgName}：已超过办理期限`,
      escalation: `${c.orgName}超期未办，请督办`,
    }[stage],
  };
}

/** Sends the answered notice the answer left pending, if it is still pending; the outcome, or null. */
export async function deliverAnswered(c: CaseDoc, now: Date): Promise<NoticeOutcome | null> {
  const tpl = caseTemplate('answered');
  if (!c.raiser || !(await claimAnsweredNotice(c._id, now))) return null;
  if (!tpl) {
    await recordStage(c._id, 'answered', { status: 'failed', at: now });
    return null;
  }
  const outcome = await sendSubscribe({
    userId: c.raiser.userId,
    openid: c.raiser.openid,
    templateId: tpl.id,
    page: PAGES.raiser(c._id),
    data: messageData(tpl, {
      title: c.title,
      time: c.answeredAt ?? now,
      status: '已答复',
      tip: `答复：${c.answer?.text ?? ''}`,
    }),
    logId: c._id,
  });
  await recordStage(c._id, 'answered', { ...outcome, at: now });
  return outcome;
}

/** Sends a stage notice already claimed on the case to the admins of `orgId`, and records it. */
export async function deliverStage(c: CaseDoc, stage: NoticeStage, orgId: string, now: Date): Promise<StageNotice> {
  const tpl = caseTemplate(STAGE_NOTICE[stage]);
  const admins = await adminsOf(orgId);
  let sent = 0;
  if (tpl) {
    for (const admin of admins) {
      const outcome = await sendSubscribe({
        userId: admin._id,
        openid: admin.openid,
        templateId: tpl.id,
        page: PAGES.organiser(c._id),
        data: messageData(tpl, stageFields(stage, c)),
        logId: `${c._id}:${stage}`,
      });
      if (outcome.status === 'sent') sent++;
    }
  }
  const notice: StageNotice = {
    status: !admins.length ? 'no_recipient' : sent ? 'sent' : tpl ? 'no_grant' : 'failed',
    at: now,
    recipients: admins.length,
    sent,
  };
  await recordStage(c._id, stage, notice);
  return notice;
}
