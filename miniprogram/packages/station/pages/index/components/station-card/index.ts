// The station card of the map page: what a rider needs to decide and go — name,
// open state and hours, distance, address — with 导航 (WeChat's map, from which
// any navigation app), 拨打电话 (once the station's phone has arrived) and the way
// to the full details.
import { ROUTES } from '../../../../../../config/routes';
import { callPhone, navigateToStation } from '../../../../../../utils/station';
import type { StationRow } from '../../rows';

/** The row, and its phone once getStation answered. */
export interface CardView extends StationRow {
  phone: string;
  /** The phone is being fetched. */
  loading: boolean;
}

Component({
  properties: {
    station: { type: Object, value: {} as CardView },
  },
  methods: {
    card(): CardView {
      return this.data.station as CardView;
    },
    onNavigate() {
      navigateToStation(this.card());
    },
    onCall() {
      callPhone(this.card().phone);
    },
    onDetail() {
      wx.navigateTo({ url: `${ROUTES.station}?id=${encodeURIComponent(this.card().id)}` });
    },
    onClose() {
      this.triggerEvent('close');
    },
  },
});
