/** Global app state shared by pages through getApp<IAppOption>(). */
export interface IAppOption {
  globalData: {
    /** Set once the launch login has completed. */
    ready: boolean;
  };
}
