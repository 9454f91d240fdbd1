// 我的报名 and 我的培训: every meeting the rider signed up for with where it stands
// (已报名 / 候补第 n 位 / 已签到 / 缺席 / 已取消), and their training record —
// classes, 学时 attended, completions, and each class's online series with a way
// to the lectures. `?tab=training` opens the second.
import type { MyMeetingSignUp, MyTraining, TrainingRecord } from '../../../../../typings/roundtable';
import type { TagTheme } from '../../../../config/labels';
import { ROUTES } from '../../../../config/routes';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { errorMessage } from '../../../../utils/errors';
import { ensureLogin } from '../../../../utils/session';
import { roundtableApi } from '../../services/roundtable';
import {
  hoursText,
  KIND_LABELS,
  KIND_THEMES,
  meetingTime,
  meetingUrl,
  PHASE_LABELS,
  stateText,
  STATE_THEMES,
} from '../../utils/labels';

type Tab = 'signups' | 'training';

interface SignUpRow {
  id: string;
  title: string;
  kindLabel: string;
  kindTheme: TagTheme;
  timeText: string;
  venue: string;
  stateText: string;
  stateTheme: TagTheme;
  /** "已结束", "已取消" …; '' while upcoming. */
  phaseText: string;
}

const toRow = ({ meeting: m, signUp: s }: MyMeetingSignUp): SignUpRow => ({
  id: m.id,
  title: m.title,
  kindLabel: KIND_LABELS[m.kind],
  kindTheme: KIND_THEMES[m.kind],
  timeText: meetingTime(m.startAt, m.endAt),
  venue: m.venue.name,
  stateText: stateText(s),
  stateTheme: STATE_THEMES[s.state],
  phaseText: m.phase === 'upcoming' ? '' : PHASE_LABELS[m.phase],
});

interface ClassRow {
  id: string;
  course: string;
  title: string;
  timeText: string;
  hours: string;
  stateText: string;
  stateTheme: TagTheme;
  series: string;
  /** "已学 2/3 课", "已学完", or '' without a series. */
  seriesText: string;
  completed: boolean;
  /** Why it is not completed yet ('' when completed). */
  todo: string;
}

function toClass(c: TrainingRecord): ClassRow {
  const todo = [c.attended ? '' : '到场签到', c.seriesDone ? '' : '学完线上课程'].filter(Boolean).join('、');
  return {
    id: c.meeting.id,
    course: c.course,
    title: c.meeting.title,
    timeText: meetingTime(c.meeting.startAt, c.meeting.endAt),
    hours: hoursText(c.classHours),
    stateText: stateText({ state: c.state, position: null, cancelledBy: null }),
    stateTheme: STATE_THEMES[c.state],
    series: c.series ?? '',
    seriesText: !c.series ? '' : c.seriesDone ? '已学完' : `已学 ${c.seriesCompleted}/${c.seriesLectures} 课`,
    completed: c.completed,
    todo: c.completed ? '' : `还需${todo}`,
  };
}

interface TrainingView {
  status: 'loading' | 'ready' | 'empty' | 'error';
  error: string;
  attended: number;
  classHours: number;
  completed: number;
  classes: ClassRow[];
}

const loadingTraining = (): TrainingView => ({
  status: 'loading',
  error: '',
  attended: 0,
  classHours: 0,
  completed: 0,
  classes: [],
});

const trainingView = (t: MyTraining): TrainingView => ({
  status: t.classes.length ? 'ready' : 'empty',
  error: '',
  attended: t.attended,
  classHours: t.classHours,
  completed: t.completed,
  classes: t.classes.map(toClass),
});

const lists = listRegistry<MyMeetingSignUp, SignUpRow>();

Component({
  data: {
    /** Someone not registered has no sign-ups: asked to register instead. */
    access: 'loading' as 'loading' | 'ready' | 'unregistered',
    tab: 'signups' as Tab,
    list: initialList<SignUpRow>(),
    training: loadingTraining(),
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        fetch: async (page, pageSize) => {
          await ensureLogin();
          return roundtableApi('mySignUps', { page, pageSize });
        },
        toView: toRow,
      });
      this.start();
    },
  },
  // Back from a meeting: the rider may have cancelled or checked in there.
  pageLifetimes: lists.revisitLifetimes(),
  methods: {
    ...lists.pageHandlers(),
    async start() {
      const profile = await ensureLogin().catch(() => null);
      if (profile && !profile.registered) {
        this.setData({ access: 'unregistered' });
        return;
      }
      // Not signed in (offline): the lists say why and offer 重试, which signs in first.
      this.setData({ access: 'ready' });
      lists.of(this).reload();
      this.loadTraining();
    },
    onRegister() {
      wx.navigateTo({ url: ROUTES.register });
    },
    onLoad(query: { tab?: string }) {
      if (query.tab === 'training') this.setData({ tab: 'training' });
    },
    async loadTraining() {
      this.setData({ training: loadingTraining() });
      try {
        await ensureLogin();
        this.setData({ training: trainingView(await roundtableApi('myTraining', {})) });
      } catch (err) {
        this.setData({ 'training.status': 'error', 'training.error': errorMessage(err, '加载失败，请稍后再试') });
      }
    },
    onTab(e: TapEvent<{ tab: Tab }>) {
      this.setData({ tab: e.currentTarget.dataset.tab });
    },
    async onPullDownRefresh() {
      if (this.data.access !== 'ready') return wx.stopPullDownRefresh();
      if (this.data.tab === 'signups') return lists.of(this).refresh();
      await this.loadTraining();
      wx.stopPullDownRefresh();
    },
    onOpen(e: TapEvent<{ id: string }>) {
      wx.navigateTo({ url: meetingUrl(e.currentTarget.dataset.id) });
    },
    onSeries(e: TapEvent<{ series: string }>) {
      wx.navigateTo({ url: `${ROUTES.lectures}?series=${encodeURIComponent(e.currentTarget.dataset.series)}` });
    },
    onMeetings() {
      wx.navigateTo({ url: ROUTES.meetings });
    },
  },
});
