Component({
  data: {
    version: '',
  },
  lifetimes: {
    attached() {
      const info = wx.getAccountInfoSync();
      this.setData({ version: info.miniProgram.version || '开发版' });
    },
  },
});
