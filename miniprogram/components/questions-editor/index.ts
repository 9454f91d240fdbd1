// An event's optional sign-up questions (填空, 单选, 多选; required or not), for the
// round table's and the volunteer activities' editors: the page keeps the list,
// each edit arrives as `change` with the new { questions }. A question keeps its
// key when edited, so answers already given stay matched.
import type { QuestionKind } from '../../../typings/signup';
import { MAX_QUESTIONS, newQuestion, type QuestionForm } from './questions';

const KINDS: { value: QuestionKind; label: string }[] = [
  { value: 'text', label: '填空' },
  { value: 'single', label: '单选' },
  { value: 'multi', label: '多选' },
];

Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    questions: { type: Array, value: [] as QuestionForm[] },
  },
  data: { max: MAX_QUESTIONS, kinds: KINDS },
  methods: {
    change(index: number, patch: Partial<QuestionForm>) {
      const questions = (this.data.questions as QuestionForm[]).map((q, i) => (i === index ? { ...q, ...patch } : q));
      this.triggerEvent('change', { questions });
    },
    onText(e: DetailEvent<{ value: string }, { index: number; field: 'label' | 'options' }>) {
      const { index, field } = e.currentTarget.dataset;
      this.change(index, { [field]: e.detail.value });
    },
    onKind(e: DetailEvent<{ value: QuestionKind }, { index: number }>) {
      this.change(e.currentTarget.dataset.index, { kind: e.detail.value });
    },
    onRequired(e: DetailEvent<{ value: boolean }, { index: number }>) {
      this.change(e.currentTarget.dataset.index, { required: e.detail.value });
    },
    onAdd() {
      const questions = this.data.questions as QuestionForm[];
      if (questions.length < MAX_QUESTIONS) this.triggerEvent('change', { questions: [...questions, newQuestion()] });
    },
    onRemove(e: TapEvent<{ index: number }>) {
      const questions = (this.data.questions as QuestionForm[]).filter((_, i) => i !== e.currentTarget.dataset.index);
      this.triggerEvent('change', { questions });
    },
  },
});
