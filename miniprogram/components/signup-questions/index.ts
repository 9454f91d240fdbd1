// The questions of an event's sign-up form (text, single or multi choice): the
// page keeps the list (questionViews in ./form); each answer typed or chosen
// arrives as `change` with the new { questions }.
import type { ChipsChange } from '../choice-chips/index';
import { type QuestionView, withAnswer } from './form';

Component({
  // The labels and fields take the page's form styles (.field-label, .required).
  options: { styleIsolation: 'apply-shared' },
  properties: {
    questions: { type: Array, value: [] as QuestionView[] },
  },
  methods: {
    onText(e: DetailEvent<{ value: string }, { index: number }>) {
      const questions = withAnswer(this.data.questions as QuestionView[], e.currentTarget.dataset.index, {
        text: e.detail.value,
      });
      this.triggerEvent('change', { questions });
    },
    onChoice(e: DetailEvent<ChipsChange, { index: number }>) {
      const d = e.detail;
      const values = 'values' in d ? d.values : [d.value];
      const questions = withAnswer(this.data.questions as QuestionView[], e.currentTarget.dataset.index, { values });
      this.triggerEvent('change', { questions });
    },
  },
});
