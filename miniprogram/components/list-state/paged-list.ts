// One paged list on a page: first load, retry, refresh, load-more. The page's
// data holds what is rendered under one key (a ListView, shown with <list-state>
// around the rows); further pages are appended with path updates
// (`list.items[20]`), so setData sends only the new rows.
import type { Page } from '../../../typings/common';
import { errorMessage } from '../../utils/errors';
import { endPullDown } from './reload';

/** The first page's state: skeleton, rows, the empty state or the error state. */
export type ListStatus = 'loading' | 'ready' | 'empty' | 'error';

export interface ListView<V> {
  items: V[];
  status: ListStatus;
  /** Why the first page failed. */
  error: string;
  hasMore: boolean;
  loadingMore: boolean;
  /** Why a further page failed (the rows already shown stay). */
  moreError: string;
}

export function initialList<V>(): ListView<V> {
  return { items: [], status: 'loading', error: '', hasMore: false, loadingMore: false, moreError: '' };
}

export const PAGE_SIZE = 20;

interface Host {
  setData(data: Record<string, unknown>): void;
}

export interface PagedListOptions<T, V> {
  /** The data key the ListView lives under. */
  key: string;
  fetch: (page: number, pageSize: number) => Promise<Page<T>>;
  toView: (item: T) => V;
  pageSize?: number;
}

export class PagedList<T, V> {
  private page = 0;
  private length = 0;
  private hasMore = false;
  private busy = false;
  /** Bumped by every reload: answers to older requests are dropped. */
  private generation = 0;

  constructor(
    private readonly host: Host,
    private readonly opts: PagedListOptions<T, V>,
  ) {}

  private get pageSize(): number {
    return this.opts.pageSize ?? PAGE_SIZE;
  }

  private set(fields: Partial<ListView<V>>): void {
    const patch: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) patch[`${this.opts.key}.${k}`] = v;
    this.host.setData(patch);
  }

  /**
   * Loads the first page. `keepRows` (pull-down refresh) leaves the rows on screen
   * while loading and, on failure, keeps them and returns the error instead.
   */
  async reload({ keepRows = false } = {}): Promise<{ error?: string }> {
    const generation = ++this.generation;
    this.busy = true;
    if (!keepRows || this.length === 0) {
      this.host.setData({ [this.opts.key]: initialList<V>() });
      this.length = 0;
    }
    try {
      const res = await this.opts.fetch(1, this.pageSize);
      if (generation !== this.generation) return {};
      this.page = 1;
      this.length = res.items.length;
      this.hasMore = res.hasMore;
      const view: ListView<V> = {
        items: res.items.map(this.opts.toView),
        status: res.items.length ? 'ready' : 'empty',
        error: '',
        hasMore: res.hasMore,
        loadingMore: false,
        moreError: '',
      };
      this.host.setData({ [this.opts.key]: view });
      return {};
    } catch (err) {
      if (generation !== this.generation) return {};
      const error = errorMessage(err, '加载失败，请稍后再试');
      if (!keepRows || this.length === 0) this.set({ status: 'error', error });
      return { error };
    } finally {
      if (generation === this.generation) this.busy = false;
    }
  }

  /** Appends the next page (reach-bottom, or the footer's retry). */
  async loadMore(): Promise<void> {
    if (this.busy || !this.hasMore || this.page === 0) return;
    const generation = this.generation;
    this.busy = true;
    this.set({ loadingMore: true, moreError: '' });
    try {
      const res = await this.opts.fetch(this.page + 1, this.pageSize);
      if (generation !== this.generation) return;
      const patch: Record<string, unknown> = {};
      res.items.forEach((item, i) => {
        patch[`${this.opts.key}.items[${this.length + i}]`] = this.opts.toView(item);
      });
      patch[`${this.opts.key}.hasMore`] = res.hasMore;
      patch[`${this.opts.key}.loadingMore`] = false;
      this.host.setData(patch);
      this.page += 1;
      this.length += res.items.length;
      this.hasMore = res.hasMore;
    } catch (err) {
      if (generation !== this.generation) return;
      this.set({ loadingMore: false, moreError: errorMessage(err, '加载失败') });
    } finally {
      if (generation === this.generation) this.busy = false;
    }
  }

  /** Pull-down refresh: the rows stay while loading; a failure with rows on screen is a toast. */
  async refresh(): Promise<void> {
    const { error } = await this.reload({ keepRows: true });
    endPullDown(this.length > 0 ? error : null);
  }

  /**
   * Back on the page (from an editor, a lecture…): a list that has loaded — with
   * rows, empty or failed — loads again in place, keeping its rows. Nothing while
   * it is loading, nor before its first load was asked for (the page's first show).
   */
  async revisit(): Promise<void> {
    if (this.busy || this.generation === 0) return;
    await this.reload({ keepRows: true });
  }

  /** Replaces one row (e.g. with the view an action returned). */
  replace(index: number, view: V): void {
    if (index < 0 || index >= this.length) return;
    this.host.setData({ [`${this.opts.key}.items[${index}]`]: view });
  }
}

interface KeywordHost {
  setData(data: Record<string, unknown>): void;
}

/** Per-page-instance lists: pages are components, so state that is not data lives here. */
export function listRegistry<T, V>() {
  const lists = new WeakMap<object, PagedList<T, V>>();
  const of = (page: object): PagedList<T, V> => {
    const list = lists.get(page);
    if (!list) throw new Error('list used before the page was attached');
    return list;
  };
  return {
    create(page: Host, opts: PagedListOptions<T, V>): PagedList<T, V> {
      const list = new PagedList(page, opts);
      lists.set(page, list);
      return list;
    },
    of,
    /** The methods of a page with one list: <list-state>'s retry and more, pull-down refresh, reach-bottom. */
    pageHandlers() {
      return {
        onRetry(this: object) {
          of(this).reload();
        },
        onMore(this: object) {
          of(this).loadMore();
        },
        onPullDownRefresh(this: object) {
          return of(this).refresh();
        },
        onReachBottom(this: object) {
          return of(this).loadMore();
        },
      };
    },
    /** `pageLifetimes` of a page whose rows change elsewhere (an editor, the lecture): back on it, the list reloads in place. */
    revisitLifetimes() {
      return {
        show(this: object) {
          of(this).revisit();
        },
      };
    },
    /** <t-search>'s handlers for a list filtered by `data.keyword`: submitting or clearing reloads it. */
    searchHandlers() {
      return {
        onKeywordChange(this: KeywordHost, e: DetailEvent<{ value: string; trigger?: string }>) {
          this.setData({ keyword: e.detail.value });
          if (e.detail.trigger === 'clear') of(this).reload();
        },
        onSearch(this: KeywordHost, e: DetailEvent<{ value: string }>) {
          this.setData({ keyword: e.detail.value.trim() });
          of(this).reload();
        },
      };
    },
  };
}
