// Organisers: the stations of their org sub-tree — list, create, change, confirm
// on site, delete. A station is an org of the tree and its record, written together.
import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import type { StationApi } from '../../../typings/station';
import { checkTexts, PUBLISHED } from '../../_shared/content-check';
import { conflict, invalid } from '../../_shared/errors';
import { acceptFiles, FILE_RULES } from '../../_shared/files';
import type { ActionContext, Handlers } from '../../_shared/function';
import { orgIdsInScope, requireOrgInScope } from '../../_shared/scope';
import { audit } from '../../_shared/stores/audit';
import { orgNames } from '../../_shared/stores/orgs';
import { countUsersInOrg } from '../../_shared/stores/users';
import { contactPhone, fileId, form, id, PAGE_LABELS, pageFields, text, withRule } from '../../_shared/validation';
import { CHILD_TYPES } from '../../user/rules/org-tree';
import {
  createStation,
  deleteStation,
  listStations,
  markVerified,
  requireStation,
  type StationDoc,
  type StationFields,
  updateStation,
} from '../store/stations';
import { FACILITIES, SERVICE_CATEGORIES, STATION_KINDS } from '../rules/catalog';
import { hoursProblem } from '../rules/hours';
import { toAdminView } from '../rules/views';

const hhmm = () =>
  z
    .string()
    .max(5)
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm，如 09:00');

const hoursSchema = withRule(
  form(
    {
      allDay: z.boolean(),
      periods: z.array(form({ from: hhmm(), to: hhmm() }, { from: '开始', to: '结束' })).max(4, '最多 4 个时间段'),
      nightAccess: z.boolean(),
    },
    { allDay: '全天开放', periods: '开放时间段', nightAccess: '夜间扫码进入' },
  ),
  (h) => {
    const problem = hoursProblem(h);
    return problem ? { field: 'periods', message: problem } : null;
  },
);

const serviceSchema = form(
  { category: z.enum(SERVICE_CATEGORIES), items: z.array(text(20, 1)).min(1).max(20) },
  { category: '服务类别', items: '服务项目' },
);

const unique = <T>(list: T[]) => new Set(list).size === list.length;

const saveInput = withRule(
  form(
    {
      id: id().optional(),
      parentId: id(),
      name: text(40, 2),
      kind: z.enum(STATION_KINDS),
      number: text(20, 1),
      address: text(120, 4),
      // Stations are in China: gcj02 within its bounds.
      location: form(
        { lat: z.number().min(3).max(54), lng: z.number().min(73).max(136) },
        { lat: '纬度', lng: '经度' },
      ),
      photos: z.array(fileId()).max(6, '最多上传 6 张照片').optional(),
      facilities: z.array(z.enum(FACILITIES)).max(FACILITIES.length),
      services: z.array(serviceSchema).max(SERVICE_CATEGORIES.length),
      hours: hoursSchema,
      phone: contactPhone().optional(),
      manager: form({ name: text(20, 1), phone: contactPhone() }, { name: '负责人', phone: '负责人电话' }),
      note: text(200).optional(),
      sort: z.number().int().min(0).max(9999).optional(),
    },
    {
      id: '驿站编号',
      parentId: '上级组织',
      name: '驿站名称',
      kind: '类型',
      number: '编号',
      address: '地址',
      location: '位置',
      photos: '照片',
      facilities: '设施',
      services: '服务',
      hours: '开放时间',
      phone: '驿站电话',
      manager: '负责人',
      note: '说明',
      sort: '排序',
    },
  ),
  (v) =>
    !unique(v.facilities)
      ? { field: 'facilities', message: '设施不能重复' }
      : !unique(v.services.map((s) => s.category))
        ? { field: 'services', message: '每个服务类别只填一次' }
        : null,
);

type SaveInput = z.output<typeof saveInput>;

function fieldsOf(input: SaveInput): StationFields {
  return {
    name: input.name,
    kind: input.kind,
    number: input.number,
    parentId: input.parentId,
    address: input.address,
    location: input.location,
    photos: input.photos ?? [],
    facilities: input.facilities,
    services: input.services,
    hours: input.hours,
    phone: input.phone ?? '',
    manager: input.manager,
    note: input.note ?? '',
    sort: input.sort ?? 0,
    verifiedAt: null,
  };
}

/** What riders will read: checked like any published text (fail closed). */
function checkPublished(ctx: ActionContext, input: SaveInput) {
  return checkTexts(
    ctx.caller.openid,
    [
      ['驿站名称', input.name],
      ['编号', input.number],
      ['地址', input.address],
      ['服务项目', input.services.flatMap((s) => s.items).join('、')],
      ['负责人', input.manager.name],
      ['说明', input.note],
    ],
    PUBLISHED,
  );
}

/** The station, if the caller administers it (its own org or one above). */
async function stationInScope(ctx: ActionContext, stationId: string): Promise<StationDoc> {
  const s = await requireStation(stationId);
  await requireOrgInScope(ctx.caller, s._id);
  return s;
}

async function view(s: StationDoc, now: Date) {
  return toAdminView(s, now, (await orgNames([s.parentId])).get(s.parentId) ?? '');
}

type AdminActions = Pick<StationApi, 'adminListStations' | 'saveStation' | 'verifyStation' | 'deleteStation'>;

export const adminHandlers = {
  adminListStations: {
    access: 'admin',
    input: form(
      { keyword: text(30).optional(), orgId: id().optional(), ...pageFields },
      { keyword: '关键词', orgId: '组织', ...PAGE_LABELS },
    ),
    async run({ caller, now }, input) {
      if (input.orgId) await requireOrgInScope(caller, input.orgId);
      const orgIds = input.orgId ? [input.orgId] : await orgIdsInScope(caller);
      const docs = await listStations({ keyword: input.keyword, orgIds });
      docs.sort((a, b) => a.number.localeCompare(b.number, 'zh-CN') || a.sort - b.sort);
      const parents = await orgNames(docs.map((d) => d.parentId));
      const page = input.page ?? 1;
      const pageSize = input.pageSize ?? 20;
      const start = (page - 1) * pageSize;
      return {
        items: docs.slice(start, start + pageSize).map((d) => toAdminView(d, now, parents.get(d.parentId) ?? '')),
        page,
        pageSize,
        hasMore: docs.length > start + pageSize,
        total: docs.length,
      };
    },
  },

  saveStation: {
    access: 'admin',
    input: saveInput,
    async run(ctx, input) {
      const fields = { ...fieldsOf(input), verifiedAt: ctx.now };
      if (input.id) {
        const existing = await stationInScope(ctx, input.id);
        if (existing.parentId !== input.parentId) throw conflict('不支持把驿站移到其他上级组织，请新建后删除旧的');
        // The editor does not show the order among siblings (the admin view has none): an edit keeps it.
        fields.sort = input.sort ?? existing.sort;
        await acceptFiles(ctx.caller, fields.photos, FILE_RULES.stationPhoto, existing.photos);
        await checkPublished(ctx, input);
        const saved = await updateStation(existing, fields, ctx.now);
        await audit(ctx, {
          action: 'saveStation',
          targetType: 'station',
          targetId: saved._id,
          summary: `修改驿站「${input.name}」`,
        });
        return view(saved, ctx.now);
      }
      const parent = await requireOrgInScope(ctx.caller, input.parentId);
      if (!CHILD_TYPES[parent.type].includes('station')) throw invalid(`「${parent.name}」下不能建立服务驿站`);
      await acceptFiles(ctx.caller, fields.photos, FILE_RULES.stationPhoto);
      await checkPublished(ctx, input);
      const stationId = `st${randomBytes(6).toString('hex')}`;
      const saved = await createStation(
        stationId,
        fields,
        { parentId: parent._id, ancestors: [...parent.ancestors, parent._id] },
        ctx.now,
      );
      await audit(ctx, {
        action: 'saveStation',
        targetType: 'station',
        targetId: saved._id,
        summary: `新建驿站「${input.name}」`,
      });
      return view(saved, ctx.now);
    },
  },

  verifyStation: {
    access: 'admin',
    input: form({ id: id() }, { id: '驿站编号' }),
    async run(ctx, input) {
      const s = await stationInScope(ctx, input.id);
      await markVerified(s._id, ctx.now);
      await audit(ctx, {
        action: 'verifyStation',
        targetType: 'station',
        targetId: s._id,
        summary: `现场核实驿站「${s.name}」`,
      });
      return view({ ...s, verifiedAt: ctx.now, updatedAt: ctx.now }, ctx.now);
    },
  },

  deleteStation: {
    access: 'admin',
    input: form({ id: id() }, { id: '驿站编号' }),
    async run(ctx, input) {
      const s = await stationInScope(ctx, input.id);
      const members = await countUsersInOrg(s._id);
      if (members > 0) throw conflict(`还有 ${members} 位用户登记在该驿站，不能删除`);
      await deleteStation(s._id);
      await audit(ctx, {
        action: 'deleteStation',
        targetType: 'station',
        targetId: s._id,
        summary: `删除驿站「${s.name}」`,
      });
      return { deleted: true as const };
    },
  },
} satisfies Handlers<AdminActions>;
