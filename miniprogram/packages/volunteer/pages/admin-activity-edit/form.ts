// The activity editor's form (pure): a new activity's defaults (tomorrow
// morning, two hours), an existing one's values, the checks the server makes
// again — times in the future only (past service is backfilled as honor hours),
// the planned hours within the span and at most 12, a capacity, the optional
// sign-up questions (the shared questions editor) — and the request.
import type { GeoPoint } from '../../../../../typings/org';
import type {
  SaveActivityRequest,
  VolunteerActivityDetail,
  VolunteerServiceType,
} from '../../../../../typings/volunteer-team';
import {
  checkQuestions,
  type QuestionForm,
  questionForms,
  questionsOf,
} from '../../../../components/questions-editor/questions';
import { beijingInstant, formatDateTime } from '../../../../utils/format';

export interface ActivityForm {
  id: string;
  orgId: string;
  title: string;
  serviceType: VolunteerServiceType | '';
  description: string;
  venueName: string;
  address: string;
  location: GeoPoint | null;
  /** Beijing minutes, "YYYY-MM-DD HH:mm". */
  startAt: string;
  endAt: string;
  deadline: string;
  /** Hours as typed ('' = the whole span). */
  plannedHours: string;
  capacity: string;
  waitlist: boolean;
  contact: string;
  contactPhone: string;
  questions: QuestionForm[];
}

export type TimeField = 'startAt' | 'endAt' | 'deadline';
export type TextField =
  'title' | 'description' | 'venueName' | 'address' | 'plannedHours' | 'capacity' | 'contact' | 'contactPhone';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const local = (t: number) => formatDateTime(new Date(t).toISOString());

/** Tomorrow 09:00–11:00 Beijing, sign-ups closing the evening before at 20:00. */
export function newForm(now: number, orgId: string): ActivityForm {
  const today = Date.parse(`${local(now).slice(0, 10)}T00:00:00+08:00`);
  const start = today + DAY_MS + 9 * HOUR_MS;
  return {
    id: '',
    orgId,
    title: '',
    serviceType: '',
    description: '',
    venueName: '',
    address: '',
    location: null,
    startAt: local(start),
    endAt: local(start + 2 * HOUR_MS),
    deadline: local(today + 20 * HOUR_MS),
    plannedHours: '',
    capacity: '20',
    waitlist: true,
    contact: '',
    contactPhone: '',
    questions: [],
  };
}

export function formFromActivity(a: VolunteerActivityDetail): ActivityForm {
  return {
    id: a.id,
    orgId: a.orgId,
    title: a.title,
    serviceType: a.serviceType,
    description: a.description,
    venueName: a.venue.name,
    address: a.venue.address,
    location: a.venue.location,
    startAt: formatDateTime(a.startAt),
    endAt: formatDateTime(a.endAt),
    deadline: formatDateTime(a.deadline),
    plannedHours: String(Math.round((a.plannedMinutes / 60) * 100) / 100),
    capacity: String(a.booking.counts.capacity),
    waitlist: a.booking.waitlist,
    contact: a.contact,
    contactPhone: a.contactPhone,
    questions: questionForms(a.booking.questions),
  };
}

const at = (local: string) => Date.parse(beijingInstant(local));

/** The first problem in the organiser's words; null when the form can be saved. */
export function checkActivity(f: ActivityForm, now: number): string | null {
  if (!f.orgId) return '请选择主办组织';
  if (!f.title.trim()) return '请填写活动标题';
  if (!f.serviceType) return '请选择服务类型';
  if (!f.venueName.trim()) return '请填写地点名称';
  const [start, end, deadline] = [at(f.startAt), at(f.endAt), at(f.deadline)];
  if ([start, end, deadline].some(Number.isNaN)) return '请选择开始、结束时间和报名截止时间';
  if (start <= now) return '开始时间须晚于现在；已经做过的服务请用「补录荣誉时数」';
  if (end <= start) return '结束时间须晚于开始时间';
  if (end - start > DAY_MS) return '一次活动最长 1 天';
  if (deadline > start) return '报名截止须不晚于开始时间';
  const planned = plannedMinutes(f);
  if (planned !== null && (Number.isNaN(planned) || planned < 1)) return '计划服务时长请填小时数，如 2 或 1.5';
  if (planned !== null && planned > Math.min(end - start, 12 * HOUR_MS) / 60_000)
    return '计划服务时长不能超过活动时长，且最长 12 小时';
  const capacity = Number(f.capacity);
  if (!Number.isInteger(capacity) || capacity < 1) return '名额请填 1 以上的整数';
  if (f.contactPhone.trim() && !/^[\d-]{7,20}$/.test(f.contactPhone.trim())) return '联系电话格式不对';
  return checkQuestions(f.questions);
}

/** Planned minutes typed as hours; null when left empty (the whole span). */
function plannedMinutes(f: ActivityForm): number | null {
  const typed = f.plannedHours.trim();
  return typed ? Math.round(Number(typed) * 60) : null;
}

export function saveRequest(f: ActivityForm): SaveActivityRequest {
  const planned = plannedMinutes(f);
  const contact = f.contact.trim();
  const phone = f.contactPhone.trim();
  return {
    ...(f.id ? { id: f.id } : {}),
    orgId: f.orgId,
    title: f.title.trim(),
    serviceType: f.serviceType as VolunteerServiceType,
    description: f.description.trim(),
    venue: { name: f.venueName.trim(), address: f.address.trim(), ...(f.location ? { location: f.location } : {}) },
    startAt: beijingInstant(f.startAt),
    endAt: beijingInstant(f.endAt),
    deadline: beijingInstant(f.deadline),
    ...(planned !== null ? { plannedMinutes: planned } : {}),
    capacity: Number(f.capacity),
    waitlist: f.waitlist,
    ...(contact ? { contact } : {}),
    ...(phone ? { contactPhone: phone } : {}),
    questions: questionsOf(f.questions),
  };
}
