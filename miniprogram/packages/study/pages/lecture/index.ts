// One micro lecture: a <video>, an audio player (InnerAudioContext) or an
// article (<rich-text>), resumed where the user stopped; progress reported as
// the server's honesty rules expect (../../utils/progress-reporter). The quiz is
// its own component (./components/quiz).
import type { LectureDetail, LectureKind } from '../../../../../typings/study';
import { displayUrl } from '../../../../services/files';
import { studyApi } from '../../../../services/study';
import { errorCode, errorMessage } from '../../../../utils/errors';
import { ROUTES } from '../../../../config/routes';
import { ensureLogin } from '../../../../utils/session';
import { formatClock, lectureUrl } from '../../utils/labels';
import { ProgressReporter, ReadingClock } from '../../utils/progress-reporter';
import { type LectureView, lectureView, percentOf, type ProgressView, progressView, resumeAt } from './view';

type Status = 'loading' | 'ready' | 'error';

interface Session {
  lectureId: string;
  kind: LectureKind | null;
  durationSec: number;
  reporter: ProgressReporter | null;
  audio: WechatMiniprogram.InnerAudioContext | null;
  /** The audio was sought to the resume position once. */
  audioResumed: boolean;
  reading: ReadingClock | null;
  readingTimer: number | null;
  everySec: number;
  visible: boolean;
  alive: boolean;
}

const sessions = new WeakMap<object, Session>();

function newSession(lectureId: string): Session {
  return {
    lectureId,
    kind: null,
    durationSec: 0,
    reporter: null,
    audio: null,
    audioResumed: false,
    reading: null,
    readingTimer: null,
    everySec: 15,
    visible: true,
    alive: true,
  };
}

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    /** The lecture is gone (or not published yet): besides trying again, offer the list. */
    gone: false,
    lecture: null as LectureView | null,
    /** The player's initial position (seconds). */
    startAt: 0,
    /** "上次学到 02:30，已从这里继续" */
    resumeText: '',
    progress: { percent: 0, completed: false, text: '', awarded: 0 } as ProgressView,
    audio: { playing: false, positionText: '00:00', percent: 0 },
  },
  lifetimes: {
    detached() {
      const s = sessions.get(this);
      if (!s) return;
      s.alive = false;
      this.stopReading();
      if (s.audio) {
        s.reporter?.update(s.audio.currentTime || s.reporter.positionSec);
        s.audio.stop();
        s.audio.destroy();
        s.audio = null;
      }
      // The last position (after any report still in flight); nothing updates the page any more.
      s.reporter?.flush();
    },
  },
  pageLifetimes: {
    show() {
      const s = sessions.get(this);
      if (!s) return;
      s.visible = true;
      this.startReading();
    },
    hide() {
      const s = sessions.get(this);
      if (!s) return;
      s.visible = false;
      this.stopReading();
      s.reporter?.flush();
    },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      sessions.set(this, newSession(query.id ?? ''));
      this.load();
    },
    session(): Session {
      let s = sessions.get(this);
      if (!s) {
        s = newSession('');
        sessions.set(this, s);
      }
      return s;
    },
    async load() {
      const s = this.session();
      this.setData({ status: 'loading', error: '', gone: false });
      try {
        if (!s.lectureId) throw new Error('no id');
        await ensureLogin();
        const d = await studyApi('getLecture', { id: s.lectureId });
        if (s.alive) this.begin(d);
      } catch (err) {
        this.setData({
          status: 'error',
          error: errorMessage(err, '课程加载失败，请稍后再试'),
          gone: !s.lectureId || errorCode(err) === 'NOT_FOUND',
        });
      }
    },
    onRetry() {
      this.load();
    },
    toLectures() {
      wx.redirectTo({ url: ROUTES.lectures });
    },
    /** Shows the lecture and sets up its player at the resume position. */
    begin(d: LectureDetail) {
      const s = this.session();
      const startAt = resumeAt(d);
      s.kind = d.kind;
      s.durationSec = d.durationSec;
      s.everySec = d.reportEverySec;
      s.reporter?.stop();
      s.reporter = new ProgressReporter({
        everySec: d.reportEverySec,
        startSec: startAt,
        send: (positionSec) => this.report(positionSec),
      });
      const resumeText = d.kind !== 'article' && startAt > 0 ? `上次学到 ${formatClock(startAt)}，已从这里继续` : '';
      this.setData({
        status: 'ready',
        lecture: lectureView(d),
        startAt,
        resumeText,
        progress: progressView(d.progress),
        audio: { playing: false, positionText: formatClock(startAt), percent: percentOf(startAt, d.durationSec) },
      });
      wx.setNavigationBarTitle({ title: d.title });
      if (d.kind === 'audio') this.setUpAudio(displayUrl(d.mediaFileId), startAt);
      if (d.kind === 'article') {
        s.reading = new ReadingClock(startAt);
        this.startReading();
      }
    },

    /** One progress report; the answer updates the progress shown. */
    async report(positionSec: number): Promise<void> {
      const s = this.session();
      try {
        const res = await studyApi('reportProgress', { lectureId: s.lectureId, positionSec });
        if (!s.alive) return;
        const awarded = this.data.progress.awarded + res.pointsAwarded;
        this.setData({ progress: progressView(res, awarded) });
        if (res.pointsAwarded > 0) wx.showToast({ title: `已学完，积分 +${res.pointsAwarded}`, icon: 'success' });
      } catch (err) {
        // The lecture was unpublished meanwhile: nothing more to report.
        if (errorCode(err) === 'NOT_FOUND') s.reporter?.stop();
        throw err;
      }
    },

    // --- video
    onVideoPlay() {
      this.session().reporter?.started();
    },
    onVideoTime(e: DetailEvent<{ currentTime: number; duration: number }>) {
      this.session().reporter?.update(e.detail.currentTime);
    },
    onVideoPause() {
      this.session().reporter?.flush();
    },
    onVideoEnded() {
      this.session().reporter?.flush();
    },

    // --- audio
    setUpAudio(src: string, startAt: number) {
      const s = this.session();
      const audio = wx.createInnerAudioContext();
      audio.src = src;
      audio.startTime = startAt;
      let shownSec = -1;
      audio.onPlay(() => {
        // startTime is not honoured everywhere: seek once to the resume position.
        if (!s.audioResumed && startAt > 0 && (audio.currentTime || 0) < startAt - 1) audio.seek(startAt);
        s.audioResumed = true;
        s.reporter?.started();
        if (s.alive) this.setData({ 'audio.playing': true });
      });
      const stopped = () => {
        if (s.alive) this.setData({ 'audio.playing': false });
        s.reporter?.flush();
      };
      audio.onPause(stopped);
      audio.onStop(stopped);
      audio.onEnded(stopped);
      audio.onTimeUpdate(() => {
        const t = audio.currentTime;
        s.reporter?.update(t);
        const sec = Math.floor(t);
        if (sec !== shownSec && s.alive) {
          shownSec = sec;
          this.setData({ 'audio.positionText': formatClock(t), 'audio.percent': percentOf(t, s.durationSec) });
        }
      });
      audio.onError(() => {
        if (s.alive) this.setData({ 'audio.playing': false });
        wx.showToast({ title: '音频播放失败，请检查网络后重试', icon: 'none' });
      });
      s.audio = audio;
    },
    onAudioToggle() {
      const audio = this.session().audio;
      if (!audio) return;
      if (this.data.audio.playing) audio.pause();
      else audio.play();
    },

    // --- article: reading seconds while the page is shown
    startReading() {
      const s = this.session();
      if (!s.reading || !s.visible || !s.alive || s.readingTimer !== null) return;
      s.reading.start();
      s.readingTimer = setInterval(() => {
        if (!s.reading || !s.reporter) return;
        s.reporter.update(Math.min(s.reading.seconds(), s.durationSec));
        s.reporter.flush();
      }, s.everySec * 1000) as unknown as number;
    },
    stopReading() {
      const s = this.session();
      if (s.readingTimer !== null) clearInterval(s.readingTimer);
      s.readingTimer = null;
      if (!s.reading || !s.reading.running) return;
      s.reading.pause();
      s.reporter?.update(Math.min(s.reading.seconds(), s.durationSec));
    },

    onShareAppMessage() {
      const l = this.data.lecture;
      return l ? { title: `微党课：${l.title}`, path: lectureUrl(l.id) } : {};
    },
  },
});
