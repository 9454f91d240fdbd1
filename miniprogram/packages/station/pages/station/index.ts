// One station: photos, kind and number, address with navigation, open state and
// hours (across midnight: 22:00–次日06:00), facilities, services in the six
// categories, phone and manager (tap to call), the note, and when an organiser
// last checked it on site.
import { ROUTES } from '../../../../config/routes';
import { stationApi } from '../../../../services/station';
import { errorCode, errorMessage } from '../../../../utils/errors';
import { callPhone, navigateToStation } from '../../../../utils/station';
import { loadByIdHandlers, openedId, reloadHandlers } from '../../../../components/list-state/reload';
import { toView, type StationView } from './view';

type Status = 'loading' | 'ready' | 'missing' | 'error';

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    station: null as StationView | null,
  },
  methods: {
    ...reloadHandlers(),
    ...loadByIdHandlers(),
    async load(quiet = false): Promise<string | null> {
      const id = openedId(this);
      if (!quiet || !this.data.station) this.setData({ status: 'loading', error: '' });
      try {
        const station = toView(await stationApi('getStation', { id }));
        wx.setNavigationBarTitle({ title: station.name });
        this.setData({ status: 'ready', station });
        return null;
      } catch (err) {
        const missing = errorCode(err) === 'NOT_FOUND' || errorCode(err) === 'INVALID_ARGUMENT';
        const error = missing ? '找不到这个驿站，可能已经撤销' : errorMessage(err, '加载失败，请稍后再试');
        if (!quiet || !this.data.station) this.setData({ status: missing ? 'missing' : 'error', error });
        return error;
      }
    },
    onNavigate() {
      if (this.data.station) navigateToStation(this.data.station);
    },
    onCallStation() {
      const s = this.data.station;
      // A point without a phone of its own is answered by its manager.
      callPhone(s ? s.phone || s.managerPhone : '');
    },
    onCallManager() {
      callPhone(this.data.station?.managerPhone ?? '');
    },
    onPreview(e: TapEvent<{ index: number }>) {
      const urls = this.data.station?.photos ?? [];
      wx.previewImage({ urls, current: urls[e.currentTarget.dataset.index] });
    },
    onAllStations() {
      wx.redirectTo({ url: ROUTES.stations });
    },
    onShareAppMessage() {
      const s = this.data.station;
      return {
        title: s ? `${s.name}：${s.hoursText}` : '党群服务驿站',
        path: s ? `${ROUTES.station}?id=${encodeURIComponent(s.id)}` : ROUTES.stations,
      };
    },
  },
});
