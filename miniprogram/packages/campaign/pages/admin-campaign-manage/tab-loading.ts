// Each tab of the management page loads on its first visit, and again on the visit
// after something elsewhere changed what it shows (invalidateTab).
const loaded = new WeakSet<object>();

/** Runs `load` unless the tab has loaded since it was last invalidated. */
export function openTab(tab: object, load: () => void): void {
  if (loaded.has(tab)) return;
  loaded.add(tab);
  load();
}

export function invalidateTab(tab: object): void {
  loaded.delete(tab);
}

/** What each tab component offers the page (it calls them through selectComponent). */
export interface ManageTab {
  /** The tab is shown: loads it if needed. */
  open(): void;
  /** What it shows changed elsewhere: the next open() reloads. */
  invalidate(): void;
  /** Pull-down refresh: why it failed, or null. */
  refresh(): Promise<string | null>;
  /** Reach-bottom: the next page, for tabs with a paged list. */
  loadMore(): Promise<void>;
}
