// The rotating code an organiser shows at the activity: 签到码 or 签退码 (the
// switch at the top; a code of one purpose never does the other's job), drawn
// as a QR code the members scan on the activity's page, fetched again before it
// expires, with the countdown and how many signed up, checked in and checked out
// (they come with each code). The server hands
// out codes from 30 minutes before the start to 30 minutes after the end; outside
// that its words, and 重试. While hidden (screen off, another page) nothing is fetched.
import type { CheckInPurpose } from '../../../../../typings/signup';
import { loadByIdHandlers, openedId } from '../../../../components/list-state/reload';
import { errorMessage } from '../../../../utils/errors';
import { organiserAccess } from '../../../../utils/session';
import { volunteerApi } from '../../services/volunteer';
import { spanText } from '../../utils/labels';
import { Countdown, showFor } from './clock';

type Status = 'loading' | 'ready' | 'error' | 'denied';

const countdowns = new WeakMap<object, Countdown>();
/** Pages gone: an answer arriving later draws nothing and schedules nothing. */
const gone = new WeakSet<object>();

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    purpose: 'in' as CheckInPurpose,
    title: '',
    timeText: '',
    code: '',
    secondsLeft: 0,
    counts: { taken: 0, attended: 0, checkedOut: 0 },
  },
  lifetimes: {
    attached() {
      countdowns.set(
        this,
        new Countdown(
          (secondsLeft) => this.setData({ secondsLeft }),
          () => this.refresh(),
        ),
      );
    },
    detached() {
      gone.add(this);
      countdowns.get(this)?.stop();
    },
  },
  pageLifetimes: {
    hide() {
      countdowns.get(this)?.stop();
    },
    show() {
      if (this.data.status === 'ready' && !countdowns.get(this)?.running) this.refresh();
    },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      if (query.purpose === 'out') this.setData({ purpose: 'out' });
      loadByIdHandlers().onLoad.call(this, query);
    },
    async load() {
      this.setData({ status: 'loading', error: '' });
      if ((await organiserAccess()) === 'denied') return void this.setData({ status: 'denied' });
      if (typeof wx.setKeepScreenOn === 'function') wx.setKeepScreenOn({ keepScreenOn: true, fail: () => undefined });
      await this.refresh();
    },
    async refresh() {
      countdowns.get(this)?.stop();
      const activityId = openedId(this);
      const purpose = this.data.purpose;
      try {
        // The activity's title and time once; the counts come with every code.
        const [code, a] = await Promise.all([
          volunteerApi('issueCheckInCode', { activityId, purpose }),
          this.data.title ? null : volunteerApi('getActivity', { activityId }),
        ]);
        if (gone.has(this) || purpose !== this.data.purpose) return;
        const c = code.counts;
        wx.setNavigationBarTitle({ title: purpose === 'in' ? '签到码' : '签退码' });
        this.setData({
          status: 'ready',
          error: '',
          ...(a ? { title: a.title, timeText: spanText(a.startAt, a.endAt) } : {}),
          code: code.code,
          counts: { taken: c.seatsTaken, attended: c.attended, checkedOut: code.checkedOut },
        });
        countdowns.get(this)?.start(showFor(code.refreshAt, Date.now()));
      } catch (err) {
        if (gone.has(this) || purpose !== this.data.purpose) return;
        this.setData({ status: 'error', error: errorMessage(err, '二维码获取失败，请稍后再试') });
      }
    },
    onPurpose(e: TapEvent<{ purpose: CheckInPurpose }>) {
      const purpose = e.currentTarget.dataset.purpose;
      if (purpose === this.data.purpose) return;
      this.setData({ purpose, code: '', status: 'loading' });
      this.refresh();
    },
    onRetry() {
      this.load();
    },
  },
});
