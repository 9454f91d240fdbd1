// An organiser's spreadsheet export: 导出 (the page asks its feature's office
// action and passes back the file's temporary link), then the link with 复制链接 —
// organisers open it in a computer's browser, as every export of the project does.
Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    /** The button's words, e.g. 导出 Excel. */
    label: { type: String, value: '导出' },
    exporting: { type: Boolean, value: false },
    /** The exported file's temporary link ('' until exported). */
    url: { type: String, value: '' },
  },
  methods: {
    onExport() {
      if (!this.data.exporting) this.triggerEvent('export');
    },
    onCopy() {
      wx.setClipboardData({ data: this.data.url });
    },
  },
});
