import type { IAppOption } from '../typings/app';

App<IAppOption>({
  globalData: {
    ready: false,
  },
  onLaunch() {
    this.globalData.ready = true;
  },
});
