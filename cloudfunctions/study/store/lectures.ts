// The lectures collection: micro party lectures (video, audio or article), drafts
// until published. Workers only ever see published ones.
import type { LectureKind, QuizQuestionInput } from '../../../typings/study';
import { COLLECTIONS } from '../../_shared/collections';
import { AGGREGATE_ROWS, cmd, collection, containsText, docsByIds, getDoc, rowsOf } from '../../_shared/db';
import { notFound } from '../../_shared/errors';
import { fetchPage, type PageArgs } from '../../_shared/paging';

export interface LectureDoc {
  _id: string;
  title: string;
  speaker: string;
  speakerTitle: string;
  coverFileId: string;
  kind: LectureKind;
  mediaFileId: string;
  durationSec: number;
  body: string;
  series: string;
  tags: string[];
  quiz: QuizQuestionInput[];
  passPercent: number;
  orgId: string;
  published: boolean;
  publishedAt: Date | null;
  views: number;
  createdAt: Date;
  updatedAt: Date;
}

export type LectureFields = Omit<LectureDoc, '_id' | 'published' | 'publishedAt' | 'views' | 'createdAt'>;

const lectures = () => collection(COLLECTIONS.lectures);

export async function requireLecture(lectureId: string): Promise<LectureDoc> {
  const l = await getDoc<LectureDoc>(COLLECTIONS.lectures, lectureId);
  if (!l) throw notFound('课程');
  return l;
}

/** Unpublished lectures do not exist for workers. */
export async function requirePublished(lectureId: string): Promise<LectureDoc> {
  const l = await getDoc<LectureDoc>(COLLECTIONS.lectures, lectureId);
  if (!l || !l.published) throw notFound('课程');
  return l;
}

export async function publishedByIds(ids: string[]): Promise<Map<string, LectureDoc>> {
  const list = await docsByIds<LectureDoc>(COLLECTIONS.lectures, ids, { published: true });
  return new Map(list.map((l) => [l._id, l]));
}

export function listPublished(filter: { series?: string; keyword?: string }, page: PageArgs) {
  const _ = cmd();
  const where: object[] = [{ published: true }];
  if (filter.series) where.push({ series: filter.series });
  if (filter.keyword) {
    const re = containsText(filter.keyword);
    where.push(_.or([{ title: re }, { speaker: re }, { tags: re }]));
  }
  return fetchPage(lectures().where(_.and(where)), [['publishedAt', 'desc']], page, (l: LectureDoc) => l);
}

/** Each lecture's series, published or not ('' when it has none), 1000 ids a read. */
export async function seriesOfLectures(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, string>();
  for (let i = 0; i < unique.length; i += 1000) {
    const list = await docsByIds<LectureDoc>(COLLECTIONS.lectures, unique.slice(i, i + 1000));
    for (const l of list) out.set(l._id, l.series ?? '');
  }
  return out;
}

/** The ids of the published lectures of each of these series (a training's prerequisite series). */
export async function publishedIdsBySeries(series: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(series.map((s) => [s, []]));
  if (!series.length) return out;
  const { data } = await lectures()
    .where({ published: true, series: cmd().in([...new Set(series)]) })
    .field({ _id: true, series: true })
    .limit(1000)
    .get();
  for (const l of data as { _id: string; series: string }[]) out.get(l.series)?.push(l._id);
  return out;
}

/** The series names of published lectures, sorted. */
export async function publishedSeries(): Promise<string[]> {
  const res = await lectures()
    .aggregate()
    .match({ published: true })
    .group({ _id: '$series' })
    .sort({ _id: 1 })
    .limit(AGGREGATE_ROWS)
    .end();
  return rowsOf<{ _id: string }>(res).map((s) => s._id);
}

export function listOwned(filter: { keyword?: string; orgIds: string[] | null }, page: PageArgs) {
  const where: Record<string, unknown> = {};
  if (filter.keyword) where.title = containsText(filter.keyword);
  if (filter.orgIds) where.orgId = cmd().in(filter.orgIds);
  return fetchPage(lectures().where(where), [['updatedAt', 'desc']], page, (l: LectureDoc) => l);
}

/** The most recently edited lectures owned by these orgs (null = any), up to 200. */
export async function recentOwned(orgIds: string[] | null): Promise<LectureDoc[]> {
  const { data } = await lectures()
    .where(orgIds ? { orgId: cmd().in(orgIds) } : {})
    .orderBy('updatedAt', 'desc')
    .limit(200)
    .get();
  return data as LectureDoc[];
}

export async function createLecture(fields: LectureFields, now: Date): Promise<LectureDoc> {
  const doc = { ...fields, published: false, publishedAt: null, views: 0, createdAt: now };
  const { id } = (await lectures().add(doc)) as { id: string };
  return { _id: id, ...doc };
}

export async function updateLecture(lectureId: string, fields: LectureFields): Promise<void> {
  const _ = cmd();
  await lectures()
    .doc(lectureId)
    .update({ ...fields, tags: _.set(fields.tags), quiz: _.set(fields.quiz) });
}

export async function setPublished(
  lectureId: string,
  patch: Pick<LectureDoc, 'published' | 'publishedAt' | 'updatedAt'>,
): Promise<void> {
  await lectures().doc(lectureId).update(patch);
}

export async function countView(lectureId: string): Promise<void> {
  await lectures()
    .doc(lectureId)
    .update({ views: cmd().inc(1) });
}
