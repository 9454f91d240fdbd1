// The home page's 附近驿站: the way to the station map, and — only when the rider
// allowed location before (the home page never asks) — the nearest station open
// now, with its distance and 导航. Without location allowed, the entry alone; a
// refresh that gets no position or no answer keeps what was shown.
import type { OpenState } from '../../../../../typings/station';
import type { TagTheme } from '../../../../config/labels';
import { ROUTES } from '../../../../config/routes';
import { stationApi } from '../../../../services/station';
import { quietPosition } from '../../../../utils/location';
import {
  formatDistance,
  type Navigable,
  navigateToStation,
  OPEN_STATE_LABELS,
  OPEN_STATE_THEMES,
} from '../../../../utils/station';

interface NearestView extends Navigable {
  id: string;
  distanceText: string;
  openState: OpenState;
  openLabel: string;
  openTheme: TagTheme;
}

const shownBefore = new WeakSet<object>();

Component({
  data: {
    nearest: null as NearestView | null,
    /** Located, but nothing open within reach. */
    noneOpen: false,
  },
  lifetimes: {
    attached() {
      this.load();
    },
  },
  pageLifetimes: {
    show() {
      // A tab page lives long: back on it, the rider may be somewhere else.
      if (shownBefore.has(this)) this.load();
      else shownBefore.add(this);
    },
  },
  methods: {
    async load() {
      const quiet = await quietPosition().catch(() => ({ allowed: false }) as const);
      if (!quiet.allowed) {
        this.setData({ nearest: null, noneOpen: false });
        return;
      }
      // Allowed, but no position or no answer just now (back on the tab within WeChat's
      // limit on frequent getLocation calls, a network blip): what is shown stays.
      if (!quiet.position) return;
      try {
        const res = await stationApi('nearbyStations', { ...quiet.position, openNow: true, pageSize: 1 });
        const s = res.items[0];
        this.setData({
          noneOpen: !s,
          nearest: s
            ? {
                id: s.id,
                name: s.name,
                address: s.address,
                location: s.location,
                distanceText: formatDistance(s.distanceM),
                openState: s.openState,
                openLabel: OPEN_STATE_LABELS[s.openState],
                openTheme: OPEN_STATE_THEMES[s.openState],
              }
            : null,
        });
      } catch {
        // Nothing new to show: the entry (and whatever was shown before) stays.
      }
    },
    onAll() {
      wx.navigateTo({ url: ROUTES.stations });
    },
    onDetail() {
      const s = this.data.nearest;
      if (s) wx.navigateTo({ url: `${ROUTES.station}?id=${encodeURIComponent(s.id)}` });
    },
    onNavigate() {
      if (this.data.nearest) navigateToStation(this.data.nearest);
    },
  },
});
