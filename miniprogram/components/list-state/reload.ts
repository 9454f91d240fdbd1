// What <list-state>'s 重试 and a pull-down refresh do on a page that loads in one
// go (not a paged list): the page's `load(quiet)` resolves with why it failed, or
// null; a quiet reload keeps what is on screen, and a failure then is a toast.
// And the onLoad of such a page opened with `?id=` (a record's page, an editor),
// and the date pickers of a statistics page over a period.

/** A page that loads in one go. */
interface LoadsInOneGo {
  load(quiet?: boolean): Promise<string | null>;
}

/** Ends a pull-down refresh: the spinner stops, and a failure (with the old content still shown) is a toast. */
export function endPullDown(error?: string | null): void {
  wx.stopPullDownRefresh();
  if (error) wx.showToast({ title: error, icon: 'none' });
}

/** The page methods: <list-state bind:retry="onRetry">, and the pull-down refresh. */
export function reloadHandlers() {
  return {
    onRetry(this: LoadsInOneGo) {
      this.load();
    },
    async onPullDownRefresh(this: LoadsInOneGo) {
      endPullDown(await this.load(true));
    },
  };
}

/** A statistics page over a period of days (`data.from`, `data.to`, "YYYY-MM-DD") that loads in one go. */
interface OverPeriod extends LoadsInOneGo {
  data: { from: string; to: string };
  setData(data: Record<string, unknown>): void;
}

/** <picker mode="date" bindchange="onFrom|onTo">: a new end of the period, the other moved along so it runs forward, then reloads. */
export function periodHandlers() {
  return {
    onFrom(this: OverPeriod, e: DetailEvent<{ value: string }>) {
      const from = e.detail.value;
      this.setData({ from, ...(from > this.data.to ? { to: from } : {}) });
      this.load();
    },
    onTo(this: OverPeriod, e: DetailEvent<{ value: string }>) {
      const to = e.detail.value;
      this.setData({ to, ...(to < this.data.from ? { from: to } : {}) });
      this.load();
    },
  };
}

/** The id each page instance was opened with. */
const openedIds = new WeakMap<object, string>();

/** The `id` the page was opened with; '' when none (an editor then creates a new record). */
export function openedId(page: object): string {
  return openedIds.get(page) ?? '';
}

/** onLoad of a page opened with `?id=` that loads in one go: keeps the id for openedId() and loads. */
export function loadByIdHandlers() {
  return {
    onLoad(this: { load(): unknown }, query: Record<string, string | undefined>) {
      openedIds.set(this, query.id ?? '');
      this.load();
    },
  };
}
