// A date-and-minute picker in Beijing time ("YYYY-MM-DD HH:mm", the format the
// editors' forms keep and utils/format's beijingInstant() reads): TDesign's
// picker with the editors' one configuration. The page keeps which field is being
// picked; `confirm` brings { value }, `close` a cancel or a tap outside.
Component({
  properties: {
    title: { type: String, value: '' },
    visible: { type: Boolean, value: false },
    value: { type: String, value: '' },
  },
  data: { mode: ['date', 'minute'] },
  methods: {
    onConfirm(e: DetailEvent<{ value: string }>) {
      this.triggerEvent('confirm', { value: e.detail.value });
    },
    onClose() {
      this.triggerEvent('close');
    },
  },
});
