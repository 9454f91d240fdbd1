// The rider's side: stations near a point (or by district without one), and one
// station's card.
import * as z from 'zod';
import type { StationApi, StationSummary } from '../../../typings/station';
import type { Handlers } from '../../_shared/function';
import { orgNames } from '../../_shared/stores/orgs';
import { form, id, PAGE_LABELS, pageFields, withRule } from '../../_shared/validation';
import { listStations, requireStation, type StationDoc, stationsNear, distanceTo } from '../store/stations';
import { FACILITIES, SERVICE_CATEGORIES } from '../rules/catalog';
import { toDetail, toSummary } from '../rules/views';

/** Without a radius, "near" means within 20 km; no listing reaches further than 50 km. */
const DEFAULT_RADIUS_M = 20_000;
const MAX_RADIUS_M = 50_000;

const lat = () => z.number().min(-90).max(90);
const lng = () => z.number().min(-180).max(180);
const bothOrNeither = (v: { lat?: number; lng?: number }) =>
  (v.lat === undefined) === (v.lng === undefined)
    ? null
    : { field: v.lat === undefined ? 'lat' : 'lng', message: '经纬度需要同时提供' };

const nearbyInput = withRule(
  form(
    {
      lat: lat().optional(),
      lng: lng().optional(),
      radiusM: z.number().int().min(100).max(MAX_RADIUS_M).optional(),
      service: z.enum(SERVICE_CATEGORIES).optional(),
      facility: z.enum(FACILITIES).optional(),
      openNow: z.boolean().optional(),
      ...pageFields,
    },
    {
      lat: '纬度',
      lng: '经度',
      radiusM: '范围（米）',
      service: '服务类别',
      facility: '设施',
      openNow: '只看开放中',
      ...PAGE_LABELS,
    },
  ),
  bothOrNeither,
);

/** Without a position: by the org above (its order in the tree, then name), then the station's own order and number. */
function byDistrict(a: StationDoc & { parentName: string }, b: StationDoc & { parentName: string }): number {
  return (
    a.parentName.localeCompare(b.parentName, 'zh-CN') || a.sort - b.sort || a.number.localeCompare(b.number, 'zh-CN')
  );
}

export const publicHandlers = {
  nearbyStations: {
    access: 'public',
    input: nearbyInput,
    async run({ now }, input) {
      const filter = { service: input.service, facility: input.facility };
      const located = input.lat !== undefined && input.lng !== undefined;
      const found = located
        ? await stationsNear({ lat: input.lat!, lng: input.lng! }, input.radiusM ?? DEFAULT_RADIUS_M, filter)
        : (await listStations(filter)).map((doc) => ({ doc, distanceM: null as number | null }));
      const parents = await orgNames(found.map((f) => f.doc.parentId));
      const rows = found.map((f) => ({ ...f, parentName: parents.get(f.doc.parentId) ?? '' }));
      if (!located)
        rows.sort((a, b) => byDistrict({ ...a.doc, parentName: a.parentName }, { ...b.doc, parentName: b.parentName }));
      let items: StationSummary[] = rows.map((r) => toSummary(r.doc, now, r.distanceM, r.parentName));
      if (input.openNow) items = items.filter((s) => s.openState !== 'closed');
      const page = input.page ?? 1;
      const pageSize = input.pageSize ?? 20;
      const start = (page - 1) * pageSize;
      return {
        items: items.slice(start, start + pageSize),
        page,
        pageSize,
        hasMore: items.length > start + pageSize,
        total: items.length,
        located,
      };
    },
  },

  getStation: {
    access: 'public',
    input: withRule(
      form({ id: id(), lat: lat().optional(), lng: lng().optional() }, { id: '驿站编号', lat: '纬度', lng: '经度' }),
      bothOrNeither,
    ),
    async run({ now }, input) {
      const s = await requireStation(input.id);
      const distance =
        input.lat !== undefined && input.lng !== undefined
          ? await distanceTo(s._id, { lat: input.lat, lng: input.lng })
          : null;
      const parents = await orgNames([s.parentId]);
      return toDetail(s, now, distance, parents.get(s.parentId) ?? '');
    },
  },
} satisfies Handlers<Pick<StationApi, 'nearbyStations' | 'getStation'>>;
