import type { IAppOption } from '../typings/app';
import { ensureLogin } from './utils/session';

App<IAppOption>({
  globalData: {
    ready: false,
  },
  onLaunch() {
    // Log in early; pages await ensureLogin() themselves and show a retry on failure.
    ensureLogin()
      .then(() => {
        this.globalData.ready = true;
      })
      .catch(() => {
        this.globalData.ready = false;
      });
  },
});
