// The foot of a bottom-sheet form (a <t-popup> of an organiser page): the form's
// problem, if any, then 取消 and 保存. The page keeps the form and decides.
Component({
  properties: {
    /** What is wrong with the form ('' = nothing shown). */
    error: { type: String, value: '' },
    /** Saving: 保存 spins and cannot be tapped again. */
    saving: { type: Boolean, value: false },
    /** Something else holds saving back (e.g. an upload in progress). */
    blocked: { type: Boolean, value: false },
    saveText: { type: String, value: '保存' },
    cancelText: { type: String, value: '取消' },
  },
  methods: {
    onCancel() {
      this.triggerEvent('cancel');
    },
    onSave() {
      this.triggerEvent('save');
    },
  },
});
