// The lecture's quiz: one option per question, then submit. The questions come
// without their answers; the server scores the attempt and only then reveals the
// correct options. Passing may earn points; another attempt is always allowed.
import type { QuizQuestion, QuizResult } from '../../../../../../../typings/study';
import { toastError } from '../../../../../../utils/errors';
import { studyApi } from '../../../../../../services/study';

const LETTERS = 'ABCDEFGHIJ';
const letter = (i: number) => LETTERS[i] ?? String(i + 1);

interface QuestionView {
  question: string;
  options: { label: string; text: string }[];
}

interface ResultView {
  score: number;
  passed: boolean;
  pointsAwarded: number;
  correct: number[];
  correctLabels: string[];
}

const toResult = (r: QuizResult): ResultView => ({
  score: r.score,
  passed: r.passed,
  pointsAwarded: r.pointsAwarded,
  correct: r.correct,
  correctLabels: r.correct.map(letter),
});

Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    lectureId: { type: String, value: '' },
    questions: { type: Array, value: [] as QuizQuestion[] },
    passPercent: { type: Number, value: 0 },
    /** The best earlier attempt, e.g. "最好成绩 80 分 · 已通过 · 已答 2 次". */
    last: { type: String, value: '' },
  },
  data: {
    items: [] as QuestionView[],
    /** The user's choices; -1 = not answered. */
    answers: [] as number[],
    submitting: false,
    /** Only after submitting: the server reveals the correct options then. */
    result: null as ResultView | null,
  },
  observers: {
    questions(questions: QuizQuestion[]) {
      this.setData({
        items: questions.map((q) => ({
          question: q.question,
          options: q.options.map((text, i) => ({ label: letter(i), text })),
        })),
        answers: questions.map(() => -1),
        result: null,
      });
    },
  },
  methods: {
    onChoose(e: TapEvent<{ q: number; o: number }>) {
      if (this.data.result || this.data.submitting) return;
      const { q, o } = e.currentTarget.dataset;
      this.setData({ [`answers[${q}]`]: o });
    },
    async onSubmit() {
      const { answers, submitting, result } = this.data;
      if (submitting || result) return;
      const missing = answers.filter((a) => a < 0).length;
      if (missing) {
        wx.showToast({ title: `还有 ${missing} 道题没有作答`, icon: 'none' });
        return;
      }
      this.setData({ submitting: true });
      try {
        const res = await studyApi('submitQuiz', { lectureId: this.data.lectureId, answers });
        this.setData({ result: toResult(res) });
        if (res.pointsAwarded > 0) wx.showToast({ title: `测验通过，积分 +${res.pointsAwarded}`, icon: 'success' });
      } catch (err) {
        toastError(err, '提交失败，请稍后再试');
      } finally {
        this.setData({ submitting: false });
      }
    },
    onRetry() {
      this.setData({ answers: this.data.items.map(() => -1), result: null });
    },
  },
});
