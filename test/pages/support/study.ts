// Arrangements and stand-ins for the study page tests: quotes and lectures made
// through the real functions, uploads of real files from disk, a controllable
// client clock, and an InnerAudioContext double.
import { readFileSync } from 'node:fs';
import type { LectureAdminView, QuoteAdminView, SaveLectureRequest } from '../../../typings/study';
import { lectureInput } from '../../support/study-inputs';
import { callAs, uploadFile, uploadAs } from './backend';
import { wxDouble } from './page';

export async function addQuote(
  admin: string,
  orgId: string,
  text: string,
  source = '《论语·学而》',
  sample = false,
): Promise<QuoteAdminView> {
  return callAs<QuoteAdminView>(admin, 'study', 'saveQuote', { text, source, sample, orgId });
}

/** A published lecture (a 100-second video unless overridden). */
export async function publishedLecture(
  admin: string,
  orgId: string,
  overrides: Partial<SaveLectureRequest> = {},
): Promise<LectureAdminView> {
  // The functions accept only media that is really in storage, in the lectures folder.
  const kind = overrides.kind ?? 'video';
  const mediaFileId =
    kind === 'article'
      ? undefined
      : (overrides.mediaFileId ?? (await uploadAs(admin, 'lectures/v.mp4', Buffer.from('mp4 stand-in'), 'video/mp4')));
  const saved = await callAs<LectureAdminView>(admin, 'study', 'saveLecture', {
    ...lectureInput(orgId, overrides),
    kind,
    ...(mediaFileId ? { mediaFileId } : {}),
  });
  return callAs<LectureAdminView>(admin, 'study', 'setLecturePublished', { id: saved.id, published: true });
}

/** An audio file in the lectures folder, uploaded by `admin`. */
export const uploadedAudio = (admin: string, name = 'a.mp3') =>
  uploadAs(admin, `lectures/${name}`, Buffer.from('mp3 stand-in'), 'audio/mpeg');

const CONTENT_TYPES: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * wx.cloud.uploadFile sends the bytes of the picked file (a real file on disk),
 * not the double's stand-in image. Returns a restore function.
 */
export function uploadFromDisk(): () => void {
  const cloud = (wx as unknown as { cloud: Record<string, unknown> }).cloud;
  const original = cloud.uploadFile;
  cloud.uploadFile = ({ cloudPath, filePath }: { cloudPath: string; filePath: string }) => {
    wxDouble().calls.push({ api: 'cloud.uploadFile', args: { cloudPath, filePath } });
    const ext = /\.([a-z0-9]+)$/i.exec(filePath)?.[1]?.toLowerCase() ?? '';
    return uploadFile(cloudPath, readFileSync(filePath), CONTENT_TYPES[ext] ?? 'application/octet-stream');
  };
  return () => {
    cloud.uploadFile = original;
  };
}

/** Replaces one wx API for a test; returns a restore function. */
export function stubWx(api: string, impl: (...args: never[]) => unknown): () => void {
  const w = wx as unknown as Record<string, unknown>;
  const had = Object.prototype.hasOwnProperty.call(w, api);
  const original = w[api];
  w[api] = impl;
  return () => {
    if (had) w[api] = original;
    else delete w[api];
  };
}

/**
 * The client's clock (Date.now) moved forward on demand, so a page believes
 * seconds of playing passed without the test waiting for them.
 */
export function clientClock(): { advance(ms: number): void; restore(): void } {
  const realNow = Date.now.bind(Date);
  let skew = 0;
  const spy = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + skew);
  return {
    advance: (ms) => {
      skew += ms;
    },
    restore: () => spy.mockRestore(),
  };
}

type Listener = () => void;

/** An InnerAudioContext double: records what the page set and lets a test play it. */
export interface FakeAudio {
  src: string;
  startTime: number;
  currentTime: number;
  paused: boolean;
  seeks: number[];
  destroyed: boolean;
  /** Emits an event the way the real context does. */
  emit(event: 'play' | 'pause' | 'stop' | 'ended' | 'timeUpdate' | 'error'): void;
  /** Moves the playhead and emits timeUpdate. */
  playTo(sec: number): void;
}

export function fakeAudioContext(): { audio: FakeAudio; restore: () => void } {
  const listeners = new Map<string, Listener[]>();
  const on = (event: string) => (fn: Listener) => void listeners.set(event, [...(listeners.get(event) ?? []), fn]);
  const audio: FakeAudio & Record<string, unknown> = {
    src: '',
    startTime: 0,
    currentTime: 0,
    paused: true,
    seeks: [],
    destroyed: false,
    emit(event) {
      for (const fn of listeners.get(event) ?? []) fn();
    },
    playTo(sec) {
      audio.currentTime = sec;
      audio.emit('timeUpdate');
    },
    onPlay: on('play'),
    onPause: on('pause'),
    onStop: on('stop'),
    onEnded: on('ended'),
    onTimeUpdate: on('timeUpdate'),
    onError: on('error'),
    onCanplay: on('canplay'),
    play() {
      audio.paused = false;
      audio.emit('play');
    },
    pause() {
      audio.paused = true;
      audio.emit('pause');
    },
    stop() {
      audio.paused = true;
      audio.emit('stop');
    },
    seek(sec: number) {
      audio.seeks.push(sec);
      audio.currentTime = sec;
    },
    destroy() {
      audio.destroyed = true;
    },
  };
  const restore = stubWx('createInnerAudioContext', () => audio);
  return { audio, restore };
}

/** Runs a page lifetime (show / hide) as the framework would (simulate has it; its typings do not). */
export function pageLifetime(page: object, name: 'show' | 'hide'): void {
  (page as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime(name);
}
