// 附近驿站: the stations on a map and in a list — nearest first with distances when
// the rider's position is known, by district otherwise — filtered by service and
// "open now"; a marker or a row opens the station's card (导航, 拨打电话, 详情).
//
// Location is optional and asked for only from a tap (开启定位…): opening the page
// uses it only if it was allowed before. The position goes with each query and is
// not kept anywhere (utils/location.ts).
import type { ServiceCategory } from '../../../../../typings/station';
import { ROUTES } from '../../../../config/routes';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { endPullDown } from '../../../../components/list-state/reload';
import { stationApi } from '../../../../services/station';
import { askPosition, type Position, quietPosition } from '../../../../utils/location';
import { SERVICE_CATEGORIES, SERVICE_LABELS } from '../../utils/labels';
import type { StationSummary } from '../../../../../typings/station';
import type { CardView } from './components/station-card/index';
import { rowOfMarker, type StationMarker, type StationRow, toMarkers, toRow } from './rows';

const MAP_ID = 'station-map';
/** The map's zoom before it is fitted to what it shows (WeChat's scale, 3–20). */
const SCALE_NEAR = 14;
const SCALE_DISTRICT = 12;
/** px: markers nearer each other than this on screen are drawn as one numbered cluster. */
const CLUSTER_GRID = 40;

interface PageState {
  position: Position | null;
  map: WechatMiniprogram.MapContext | null;
}

const lists = listRegistry<StationSummary, StationRow>();
const states = new WeakMap<object, PageState>();
const stateOf = (page: object): PageState => {
  let s = states.get(page);
  if (!s) states.set(page, (s = { position: null, map: null }));
  return s;
};

Component({
  data: {
    located: false,
    locating: false,
    /** The map is shown once there is something to centre it on. */
    mapShown: false,
    center: { lat: 0, lng: 0 },
    scale: SCALE_DISTRICT,
    markers: [] as StationMarker[],
    services: SERVICE_CATEGORIES.map((value) => ({ value, label: SERVICE_LABELS[value] })),
    service: '' as ServiceCategory | '',
    openNow: false,
    list: initialList<StationRow>(),
    card: null as CardView | null,
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        pageSize: 50,
        fetch: (page, pageSize) => {
          const { position } = stateOf(this);
          const { service, openNow } = this.data;
          return stationApi('nearbyStations', {
            page,
            pageSize,
            ...(position ? { lat: position.lat, lng: position.lng } : {}),
            ...(service ? { service } : {}),
            ...(openNow ? { openNow: true } : {}),
          });
        },
        toView: toRow,
      });
      this.start();
    },
    detached() {
      states.delete(this);
    },
  },
  methods: {
    /** Uses the position only if location (and WeChat's privacy guide) was agreed before: opening the page never prompts. */
    async start() {
      const quiet = await quietPosition();
      if (quiet.allowed && quiet.position) this.usePosition(quiet.position);
      await this.reload();
    },
    usePosition(position: Position) {
      stateOf(this).position = position;
      this.setData({ located: true });
    },

    // --- the list and the map
    async reload() {
      this.setData({ card: null });
      await lists.of(this).reload();
      this.showOnMap(true);
    },
    /** Markers from the rows; `fit` also centres and zooms the map on them. */
    showOnMap(fit = false) {
      const rows = this.data.list.items;
      const { position } = stateOf(this);
      const selected = this.data.card?.id ?? '';
      const markers = toMarkers(rows, selected);
      if (!fit) {
        this.setData({ markers });
        return;
      }
      const focus = position ?? rows[0]?.location;
      if (!focus) {
        this.setData({ markers });
        return;
      }
      const first = !this.data.mapShown;
      this.setData(
        {
          markers,
          mapShown: true,
          center: { lat: focus.lat, lng: focus.lng },
          scale: position ? SCALE_NEAR : SCALE_DISTRICT,
        },
        () => {
          if (first) this.initMap();
          this.fitMap(markers);
        },
      );
    },
    initMap() {
      const map = wx.createMapContext(MAP_ID, this);
      stateOf(this).map = map;
      // WeChat's own cluster style: a numbered bubble; tapping one zooms in to split it. Pins
      // closer than about a pin's size (32 × 40 px) merge; WeChat's default of 60 px also
      // merged pins that stood apart, hiding the nearest station beside the rider.
      map.initMarkerCluster({ enableDefaultStyle: true, zoomOnClick: true, gridSize: CLUSTER_GRID });
    },
    /** With a position: it and the three nearest stations; without: every station shown. */
    fitMap(markers: StationMarker[]) {
      const { position, map } = stateOf(this);
      if (!map || !markers.length) return;
      const stations = (position ? markers.slice(0, 3) : markers).map((m) => ({
        latitude: m.latitude,
        longitude: m.longitude,
      }));
      const points = position ? [{ latitude: position.lat, longitude: position.lng }, ...stations] : stations;
      map.includePoints({ points, padding: [48, 48, 48, 48] });
    },
    onRetry() {
      this.reload();
    },
    async onMore() {
      await lists.of(this).loadMore();
      this.showOnMap();
    },
    async onReachBottom() {
      await this.onMore();
    },
    async onPullDownRefresh() {
      const { error } = await lists.of(this).reload({ keepRows: true });
      this.showOnMap(true);
      endPullDown(this.data.list.items.length ? error : null);
    },

    // --- filters
    onService(e: TapEvent<{ value: ServiceCategory | '' }>) {
      const value = e.currentTarget.dataset.value;
      this.setData({ service: value === this.data.service ? '' : value });
      this.reload();
    },
    onOpenNow() {
      this.setData({ openNow: !this.data.openNow });
      this.reload();
    },

    // --- location, asked for from a tap
    async onLocate() {
      if (this.data.locating) return;
      this.setData({ locating: true });
      // Refused before: WeChat does not ask again, only its settings page can allow it.
      const position = await askPosition();
      this.setData({ locating: false });
      if (!position) return;
      this.usePosition(position);
      await this.reload();
    },
    onRecenter() {
      const { map, position } = stateOf(this);
      if (map && position) map.moveToLocation({ latitude: position.lat, longitude: position.lng });
    },

    // --- the card
    onRowTap(e: TapEvent<{ index: number }>) {
      const row = this.data.list.items[e.currentTarget.dataset.index];
      if (row) this.select(row);
    },
    onMarkerTap(e: DetailEvent<{ markerId: number }>) {
      const row = rowOfMarker(this.data.list.items, Number(e.detail.markerId));
      if (row) this.select(row);
    },
    async select(row: StationRow) {
      this.setData({ card: { ...row, phone: '', loading: true } });
      this.showOnMap();
      stateOf(this).map?.moveToLocation({ latitude: row.location.lat, longitude: row.location.lng });
      let phone = '';
      try {
        const { position } = stateOf(this);
        const detail = await stationApi('getStation', { id: row.id, ...(position ?? {}) });
        phone = detail.phone || detail.manager.phone;
      } catch {
        // The card still navigates; 暂无电话 says why it cannot call.
      }
      if (this.data.card?.id === row.id) this.setData({ 'card.phone': phone, 'card.loading': false });
    },
    onCloseCard() {
      this.setData({ card: null });
      this.showOnMap();
    },

    onShareAppMessage() {
      return { title: '附近的党群服务驿站：歇脚、充电、喝口热水', path: ROUTES.stations };
    },
  },
});
