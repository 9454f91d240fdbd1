// The rotating check-in code an organiser shows at the door: a QR code the riders
// scan (packages/roundtable/pages/meeting's 扫码签到), fetched again before it
// expires — the server signs one per 10-second slot and accepts it 20 s more —
// with its countdown and who has checked in. Only an organiser of the meeting's
// org gets a code, from 30 minutes before the start to 30 minutes after the end;
// outside that the server says so, and 重试 asks again.
import { loadByIdHandlers, openedId } from '../../../../components/list-state/reload';
import { errorMessage } from '../../../../utils/errors';
import { organiserAccess } from '../../../../utils/session';
import { roundtableApi } from '../../services/roundtable';
import { meetingTime } from '../../utils/labels';

/** The server's slot: a code is fetched at least this often. */
const SLOT_MS = 10_000;
/** The QR code's side on screen (rpx). */
const QR_RPX = 520;

type Status = 'loading' | 'ready' | 'error' | 'denied';

interface Timers {
  refresh: ReturnType<typeof setTimeout> | null;
  tick: ReturnType<typeof setInterval> | null;
  /** The local time the next code is due (Date.now() based: the phone's clock may differ from the server's). */
  dueAt: number;
  stopped: boolean;
}

const timers = new WeakMap<object, Timers>();
const timersOf = (page: object): Timers => {
  let t = timers.get(page);
  if (!t) timers.set(page, (t = { refresh: null, tick: null, dueAt: 0, stopped: false }));
  return t;
};

function stop(page: object): void {
  const t = timersOf(page);
  if (t.refresh) clearTimeout(t.refresh);
  if (t.tick) clearInterval(t.tick);
  t.refresh = null;
  t.tick = null;
}

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    title: '',
    timeText: '',
    code: '',
    secondsLeft: 0,
    seated: 0,
    checkedIn: 0,
    qrRpx: QR_RPX,
  },
  lifetimes: {
    detached() {
      stop(this);
      timersOf(this).stopped = true;
    },
  },
  pageLifetimes: {
    // The screen is off or another page is shown: no codes are fetched meanwhile.
    hide() {
      stop(this);
    },
    show() {
      if (this.data.status === 'ready' && !timersOf(this).refresh) this.refresh();
    },
  },
  methods: {
    ...loadByIdHandlers(),
    async load() {
      this.setData({ status: 'loading', error: '' });
      if ((await organiserAccess()) === 'denied') return void this.setData({ status: 'denied' });
      // The organiser holds the phone up at the door: keep the screen on.
      if (typeof wx.setKeepScreenOn === 'function') wx.setKeepScreenOn({ keepScreenOn: true, fail: () => undefined });
      await this.refresh();
    },
    /** The current code (and who has checked in), drawn; the next fetch scheduled before this one expires. */
    async refresh() {
      stop(this);
      const meetingId = openedId(this);
      try {
        const [code, m] = await Promise.all([
          roundtableApi('issueCheckInCode', { meetingId }),
          roundtableApi('getMeeting', { id: meetingId }),
        ]);
        if (timersOf(this).stopped) return;
        this.setData({
          status: 'ready',
          error: '',
          title: m.title,
          timeText: meetingTime(m.startAt, m.endAt),
          code: code.code,
          seated: m.coming.seated,
          checkedIn: m.coming.checkedIn,
        });
        this.schedule(Date.parse(code.refreshAt) - Date.now());
      } catch (err) {
        this.setData({ status: 'error', error: errorMessage(err, '签到码获取失败，请稍后再试') });
      }
    },
    /**
     * Fetches the next code when the server said (refreshAt), measured on the phone's
     * clock; a clock far off the server's falls back to the slot's length, so a
     * code shown is never older than its slot plus the grace.
     */
    schedule(delay: number) {
      const t = timersOf(this);
      const wait = delay > 0 && delay <= SLOT_MS ? delay : SLOT_MS;
      t.dueAt = Date.now() + wait;
      t.refresh = setTimeout(() => this.refresh(), wait);
      t.tick = setInterval(() => this.tick(), 1000);
      this.tick();
    },
    tick() {
      const left = Math.max(0, Math.ceil((timersOf(this).dueAt - Date.now()) / 1000));
      if (left !== this.data.secondsLeft) this.setData({ secondsLeft: left });
    },
    onRetry() {
      this.load();
    },
  },
});
