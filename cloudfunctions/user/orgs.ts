// The organisation tree: public reads (pickers, station finder) and admin CRUD
// within the admin's scope.
import type { UserApi } from '../../typings/user';
import { audit } from '../_shared/audit';
import { COLLECTIONS } from '../_shared/collections';
import { conflict, forbidden, invalid } from '../_shared/errors';
import type { Handlers } from '../_shared/function';
import { type OrgDoc, requireOrgInScope, toOrg } from '../_shared/orgs';
import { fetchPage } from '../_shared/paging';
import { escapeRegExp } from '../_shared/regexp';
import { db } from '../_shared/sdk';
import { id, pageFields, text, z } from '../_shared/validation';
import { buildTree, CHILD_TYPES } from './org-tree';

const ORG_TYPES = ['district', 'industry', 'street', 'branch', 'station'] as const;

const stationSchema = z.strictObject({
  address: text(120, 2),
  location: z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
  openingHours: text(40, 1),
  services: z.array(text(20, 1)).max(20),
  phone: z
    .string()
    .regex(/^[0-9-]{7,20}$/, '电话格式不正确')
    .optional(),
});

type OrgActions = Pick<UserApi, 'listOrgs' | 'listStations' | 'saveOrg' | 'deleteOrg'>;

export const orgHandlers = {
  listOrgs: {
    access: 'public',
    input: z.strictObject({}),
    async run() {
      const { data } = await db().collection(COLLECTIONS.orgs).limit(1000).get();
      return buildTree((data as OrgDoc[]).map(toOrg));
    },
  },

  listStations: {
    access: 'public',
    input: z.strictObject({ keyword: text(30).optional(), ...pageFields }),
    async run(_ctx, input) {
      const _ = db().command;
      const re = input.keyword ? db().RegExp({ regexp: escapeRegExp(input.keyword), options: 'i' }) : null;
      const where = re
        ? _.and([{ type: 'station' }, _.or([{ name: re }, { 'station.address': re }])])
        : { type: 'station' };
      const query = db().collection(COLLECTIONS.orgs).where(where);
      return fetchPage(query, [['sort', 'asc']], input, toOrg);
    },
  },

  saveOrg: {
    access: 'admin',
    input: z.strictObject({
      id: id().optional(),
      name: text(40, 2),
      type: z.enum(ORG_TYPES),
      parentId: id().nullable(),
      station: stationSchema.optional(),
      sort: z.number().int().min(0).max(9999).optional(),
    }),
    async run(ctx, input) {
      const { caller, now } = ctx;
      if (input.type === 'station' && !input.station) throw invalid('服务驿站需填写地址、开放时间和服务项目');
      if (input.type !== 'station' && input.station) throw invalid('只有服务驿站可以填写驿站信息');
      const coll = db().collection(COLLECTIONS.orgs);
      const fields = {
        name: input.name,
        type: input.type,
        sort: input.sort ?? 0,
        ...(input.station ? { station: input.station } : {}),
      };
      if (input.id) {
        const org = await requireOrgInScope(caller, input.id);
        if (org.parentId !== input.parentId) throw conflict('不支持移动组织到其他上级，请新建后迁移');
        if (org.type !== input.type) throw conflict('不支持修改组织类型');
        const _ = db().command;
        await coll
          .doc(org._id)
          .update({ ...fields, station: input.station ? _.set(input.station) : _.remove(), updatedAt: now });
        await audit(ctx, {
          action: 'saveOrg',
          targetType: 'org',
          targetId: org._id,
          summary: `修改组织「${input.name}」`,
        });
        return toOrg({ ...org, ...fields, updatedAt: now });
      }
      let ancestors: string[] = [];
      if (input.parentId) {
        const parent = await requireOrgInScope(caller, input.parentId);
        if (!CHILD_TYPES[parent.type].includes(input.type)) throw invalid(`「${parent.name}」下不能建立这一类组织`);
        ancestors = [...parent.ancestors, parent._id];
      } else {
        if (!caller.isSuperadmin) throw forbidden('只有超级管理员可以建立区级组织');
        if (input.type !== 'district') throw invalid('顶级组织必须是区级党委');
      }
      const doc = { ...fields, parentId: input.parentId, ancestors, createdAt: now, updatedAt: now };
      const { id: newId } = (await coll.add(doc)) as { id: string };
      await audit(ctx, { action: 'saveOrg', targetType: 'org', targetId: newId, summary: `新建组织「${input.name}」` });
      return toOrg({ _id: newId, ...doc });
    },
  },

  deleteOrg: {
    access: 'admin',
    input: z.strictObject({ id: id() }),
    async run(ctx, input) {
      const org = await requireOrgInScope(ctx.caller, input.id);
      const children = await db().collection(COLLECTIONS.orgs).where({ parentId: org._id }).count();
      if (children.total > 0) throw conflict('该组织下还有下级组织，不能删除');
      const members = await db().collection(COLLECTIONS.users).where({ 'worker.orgPath': org._id }).count();
      if (members.total > 0) throw conflict(`还有 ${members.total} 位用户登记在该组织，不能删除`);
      await db().collection(COLLECTIONS.orgs).doc(org._id).remove();
      await audit(ctx, {
        action: 'deleteOrg',
        targetType: 'org',
        targetId: org._id,
        summary: `删除组织「${org.name}」`,
      });
      return { deleted: true as const };
    },
  },
} satisfies Handlers<OrgActions>;
