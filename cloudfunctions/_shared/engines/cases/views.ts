// What each reader sees of a case. The raiser: their own case, the passed photos,
// the public timeline — never who acted by name, never the media-check trace ids.
// The owner org's organisers: the raiser's identity (unless anonymous), every
// photo with its check, the internal steps. The public board: the answer and the
// category, with phone numbers and the raiser's name masked, and no photo.
import type {
  BoardCase,
  CaseAdminView,
  CasePhoto,
  CaseRow,
  CaseSummary,
  MyCase,
  TimelineEntry,
} from '../../../../typings/cases';
import type { CaseDoc, TimelineRecord } from '../../stores/cases';
import { categoryLabel } from './config';
import { canRate, liveFlags, maskPersonal, reopenUntil } from './rules';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** fileId → temporary download link. */
export type PhotoUrls = Map<string, string>;

export function toSummary(c: CaseDoc, now: Date): CaseSummary {
  return {
    id: c._id,
    kind: c.kind,
    category: c.category,
    categoryLabel: categoryLabel(c.kind, c.category),
    title: c.title,
    state: c.state,
    orgId: c.orgId,
    orgName: c.orgName,
    urgent: c.urgent,
    submittedAt: c.submittedAt.toISOString(),
    respondBy: c.respondBy.toISOString(),
    dueAt: c.dueAt.toISOString(),
    answeredAt: iso(c.answeredAt),
    flags: liveFlags(c, now),
    rating: c.rating,
    photoCount: c.photos.length,
  };
}

function entryOf(e: TimelineRecord): TimelineEntry {
  return { at: e.at.toISOString(), kind: e.kind, text: e.text, orgName: e.orgName, by: e.by };
}

function photosOf(c: CaseDoc, urls: PhotoUrls, all: boolean): CasePhoto[] {
  return c.photos
    .filter((p) => all || p.check === 'pass')
    .map((p) => ({ fileId: p.fileId, url: urls.get(p.fileId) ?? '', check: p.check }));
}

export interface Related {
  duplicateOf?: CaseDoc | null;
}

export function toMyCase(c: CaseDoc, now: Date, urls: PhotoUrls, related: Related = {}): MyCase {
  const until = reopenUntil(c, now);
  const original = related.duplicateOf;
  return {
    ...toSummary(c, now),
    description: c.description,
    address: c.address,
    location: c.location,
    photos: photosOf(c, urls, false),
    photosHidden: c.photos.filter((p) => p.check !== 'pass').length,
    anonymous: c.anonymous,
    publicOptIn: c.publicOptIn,
    source: c.source,
    answer: c.answer ? { text: c.answer.text, at: c.answer.at.toISOString(), orgName: c.answer.orgName } : null,
    extension: c.extension
      ? { workingDays: c.extension.workingDays, reason: c.extension.reason, at: c.extension.at.toISOString() }
      : null,
    rejectReason: c.rejectReason,
    duplicateOf: original ? { id: original._id, title: original.title, state: original.state } : null,
    points: c.verification?.valid && c.verification.points > 0 ? c.verification.points : null,
    timeline: c.timeline.filter((e) => e.public).map(entryOf),
    canConfirm: c.state === 'answered',
    canRate: canRate(c),
    canReopen: until !== null,
    reopenUntil: iso(until),
  };
}

export function toAdminView(c: CaseDoc, now: Date, urls: PhotoUrls, related: Related = {}): CaseAdminView {
  const mine = toMyCase(c, now, urls, related);
  return {
    ...mine,
    version: c.version,
    raiser: c.raiser && !c.anonymous ? { userId: c.raiser.userId, name: c.raiser.name, phone: c.raiser.phone } : null,
    photos: photosOf(c, urls, true),
    timeline: c.timeline.map(entryOf),
    returned: c.returned ? { ...c.returned, at: c.returned.at.toISOString() } : null,
    verification: c.verification
      ? {
          valid: c.verification.valid,
          at: c.verification.at.toISOString(),
          note: c.verification.note,
          points: c.verification.points,
        }
      : null,
    assignedAt: iso(c.assignedAt),
    firstResponseAt: iso(c.firstResponseAt),
    lastActivityAt: c.lastActivityAt.toISOString(),
    flagsRaised: Object.fromEntries(Object.entries(c.flags ?? {}).map(([k, v]) => [k, v.at.toISOString()])),
    noticesSent: {
      reminder: iso(c.notices?.reminder?.at),
      overdue: iso(c.notices?.overdue?.at),
      escalation: iso(c.notices?.escalation?.at),
    },
  };
}

export function toRow(c: CaseDoc, now: Date): CaseRow {
  return { ...toSummary(c, now), raiserName: c.anonymous ? '' : (c.raiser?.name ?? '') };
}

export function toBoard(c: CaseDoc): BoardCase {
  const names = c.raiser?.name ? [c.raiser.name] : [];
  const mask = (s: string) => maskPersonal(s, names);
  return {
    id: c._id,
    kind: c.kind,
    category: c.category,
    categoryLabel: categoryLabel(c.kind, c.category),
    title: mask(c.title),
    summary: c.kind === 'report' ? mask(c.description) : '',
    address: c.kind === 'report' ? mask(c.address) : '',
    orgName: c.orgName,
    submittedAt: c.submittedAt.toISOString(),
    answer: {
      text: mask(c.answer?.text ?? ''),
      at: iso(c.answer?.at ?? c.answeredAt) ?? '',
      orgName: c.answer?.orgName ?? '',
    },
    state: c.state === 'closed' ? 'closed' : 'answered',
    rating: c.rating,
  };
}
