// What <list-state>'s 重试 and a pull-down refresh do on a page that loads in one
// go (not a paged list): the page's `load(quiet)` resolves with why it failed, or
// null; a quiet reload keeps what is on screen, and a failure then is a toast.
// And the onLoad of such a page opened with `?id=` (a record's page, an editor).

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
