// Create or edit a station: its place in the org tree, name, kind and number, the
// address and the point on the map (wx.chooseLocation), facilities, services in the
// six categories, opening hours, phones, a note and photos. The server checks scope
// and everything else again; its message shows in the form, which keeps its input.
import type { Facility, ServiceCategory, StationAdminView, StationKind } from '../../../../../typings/station';
import type { PhotosChange } from '../../../../components/photo-picker/index';
import { loadByIdHandlers, openedId } from '../../../../components/list-state/reload';
import { stationApi } from '../../../../services/station';
import { errorCode, errorMessage } from '../../../../utils/errors';
import { choosePlace } from '../../../../utils/location';
import { ensureLogin, isAdmin } from '../../../../utils/session';
import {
  FACILITIES,
  FACILITY_ICONS,
  FACILITY_LABELS,
  KIND_LABELS,
  SERVICE_CATEGORIES,
  SERVICE_LABELS,
  STATION_KINDS,
} from '../../utils/labels';
import {
  addressOf,
  checkStationForm,
  emptyStationForm,
  type HoursForm,
  MAX_PHOTOS,
  stationForm,
  toSaveStation,
} from './form';
import { type ParentChoice, stationParents } from './parents';

type Status = 'loading' | 'ready' | 'error' | 'denied';
type TextField = 'name' | 'number' | 'address' | 'phone' | 'managerName' | 'managerPhone' | 'note';

/** One station of the organiser's scope (the server refuses one outside it, and says so). */
async function findStation(id: string): Promise<StationAdminView | null> {
  const page = await stationApi('adminListStations', { orgId: id, pageSize: 1 });
  return page.items.find((s) => s.id === id) ?? null;
}

const coords = (l: { lat: number; lng: number } | null) => (l ? `${l.lat.toFixed(6)}, ${l.lng.toFixed(6)}` : '');

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    form: emptyStationForm(),
    coordsText: '',
    kinds: STATION_KINDS.map((value) => ({ value, label: KIND_LABELS[value] })),
    facilities: FACILITIES.map((value) => ({ value, label: FACILITY_LABELS[value], icon: FACILITY_ICONS[value] })),
    categories: SERVICE_CATEGORIES.map((value) => ({ value, label: SERVICE_LABELS[value] })),
    parents: [] as ParentChoice[],
    parentLabels: [] as string[],
    maxPhotos: MAX_PHOTOS,
    uploading: false,
    saving: false,
    formError: '',
  },
  methods: {
    ...loadByIdHandlers(),
    async load() {
      const id = openedId(this);
      this.setData({ status: 'loading', error: '' });
      try {
        const profile = await ensureLogin();
        if (!isAdmin(profile)) {
          this.setData({ status: 'denied' });
          return;
        }
        if (!id) {
          const parents = await stationParents(profile);
          if (!parents.length) {
            this.setData({
              status: 'error',
              error: '你负责的组织下不能建立驿站（驿站建在区级党委、行业党委或街道下）',
            });
            return;
          }
          this.setData({
            status: 'ready',
            parents,
            parentLabels: parents.map((p) => p.label),
            form: emptyStationForm(parents.length === 1 ? parents[0] : undefined),
          });
          return;
        }
        const station = await findStation(id);
        if (!station) {
          this.setData({ status: 'error', error: '找不到这个驿站，可能已被删除' });
          return;
        }
        wx.setNavigationBarTitle({ title: '编辑驿站' });
        const form = stationForm(station);
        this.setData({ status: 'ready', form, coordsText: coords(form.location) });
      } catch (err) {
        const error =
          errorCode(err) === 'NOT_FOUND' ? '找不到这个驿站，可能已被删除' : errorMessage(err, '加载失败，请稍后再试');
        this.setData({ status: 'error', error });
      }
    },
    // --- fields
    onText(e: DetailEvent<{ value: string }, { field: TextField }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value, formError: '' });
    },
    onService(e: DetailEvent<{ value: string }, { category: ServiceCategory }>) {
      this.setData({ [`form.services.${e.currentTarget.dataset.category}`]: e.detail.value, formError: '' });
    },
    onKind(e: DetailEvent<{ value: StationKind }>) {
      this.setData({ 'form.kind': e.detail.value, formError: '' });
    },
    onFacilities(e: DetailEvent<{ values: Facility[] }>) {
      this.setData({ 'form.facilities': e.detail.values, formError: '' });
    },
    onParent(e: DetailEvent<{ value: string | number }>) {
      const p = this.data.parents[Number(e.detail.value)];
      if (p) this.setData({ 'form.parentId': p.id, 'form.parentName': p.name, formError: '' });
    },
    onHours(e: DetailEvent<HoursForm>) {
      this.setData({ 'form.hours': e.detail, formError: '' });
    },

    // --- where it is
    async onChooseLocation() {
      const picked = await choosePlace(this.data.form.location);
      if (!picked) return;
      const { location } = picked;
      this.setData({
        'form.location': location,
        coordsText: coords(location),
        // The address typed so far is kept; an empty one is filled from the map.
        ...(this.data.form.address.trim() ? {} : { 'form.address': addressOf(picked) }),
        formError: '',
      });
    },

    // --- photos, uploaded as soon as they are picked
    onPhotos(e: DetailEvent<PhotosChange>) {
      const { photos, uploading, error } = e.detail;
      this.setData({ 'form.photos': photos, uploading, formError: error });
    },

    // --- save
    async onSave() {
      if (this.data.saving || this.data.uploading) return;
      const form = this.data.form;
      const problem = checkStationForm(form);
      if (problem) {
        this.setData({ formError: problem });
        return;
      }
      this.setData({ saving: true, formError: '' });
      try {
        await stationApi('saveStation', toSaveStation(form));
        wx.showToast({ title: form.id ? '已保存' : '已新建', icon: 'success' });
        wx.navigateBack({ delta: 1 });
      } catch (err) {
        this.setData({ formError: errorMessage(err, '保存失败，请稍后再试') });
      } finally {
        this.setData({ saving: false });
      }
    },
  },
});
