// The organisation tree: public reads (pickers, station finder) and admin CRUD
// within the admin's scope.
import type { UserApi } from '../../../typings/user';
import { checkTexts, PROFILE } from '../../_shared/content-check';
import { conflict, forbidden, invalid } from '../../_shared/errors';
import type { Handlers } from '../../_shared/function';
import { requireOrgInScope } from '../../_shared/scope';
import { audit } from '../../_shared/stores/audit';
import {
  allOrgs,
  countChildren,
  createOrg,
  listStations,
  removeOrg,
  toOrg,
  updateOrg,
} from '../../_shared/stores/orgs';
import { countUsersInOrg } from '../../_shared/stores/users';
import * as z from 'zod';
import { contactPhone, form, id, PAGE_LABELS, pageFields, text } from '../../_shared/validation';
import { buildTree, CHILD_TYPES } from '../rules/org-tree';

const ORG_TYPES = ['district', 'industry', 'street', 'branch', 'station'] as const;

const stationSchema = form(
  {
    address: text(120, 2),
    location: form(
      { lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) },
      { lat: '纬度', lng: '经度' },
    ).optional(),
    openingHours: text(40, 1),
    services: z.array(text(20, 1)).max(20),
    phone: contactPhone().optional(),
  },
  { address: '地址', location: '位置', openingHours: '开放时间', services: '服务项目', phone: '联系电话' },
);

type OrgActions = Pick<UserApi, 'listOrgs' | 'listStations' | 'saveOrg' | 'deleteOrg'>;

export const orgHandlers = {
  listOrgs: {
    access: 'public',
    input: form({}, {}),
    run: async () => buildTree((await allOrgs()).map(toOrg)),
  },

  listStations: {
    access: 'public',
    input: form({ keyword: text(30).optional(), ...pageFields }, { keyword: '关键词', ...PAGE_LABELS }),
    async run(_ctx, input) {
      const page = await listStations(input.keyword, input);
      return { ...page, items: page.items.map(toOrg) };
    },
  },

  saveOrg: {
    access: 'admin',
    input: form(
      {
        id: id().optional(),
        name: text(40, 2),
        type: z.enum(ORG_TYPES),
        parentId: id().nullable(),
        station: stationSchema.optional(),
        sort: z.number().int().min(0).max(9999).optional(),
      },
      { id: '组织编号', name: '组织名称', type: '组织类型', parentId: '上级组织', station: '驿站信息', sort: '排序' },
    ),
    async run(ctx, input) {
      const { caller, now } = ctx;
      if (input.type === 'station' && !input.station) throw invalid('服务驿站需填写地址、开放时间和服务项目');
      if (input.type !== 'station' && input.station) throw invalid('只有服务驿站可以填写驿站信息');
      // Checked once the caller may touch the org (below), before anything is written.
      const checkPublicText = () =>
        checkTexts(
          caller.openid,
          [
            ['组织名称', input.name],
            ['驿站信息的地址', input.station?.address],
            ['驿站信息的开放时间', input.station?.openingHours],
            ['驿站信息的服务项目', input.station?.services.join('、')],
          ],
          PROFILE,
        );
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
        await checkPublicText();
        await updateOrg(org._id, fields, now);
        await audit(ctx, {
          action: 'saveOrg',
          targetType: 'org',
          targetId: org._id,
          summary: `修改组织「${input.name}」`,
        });
        const { station: _old, ...rest } = org;
        return toOrg({ ...rest, ...fields, updatedAt: now });
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
      await checkPublicText();
      const org = await createOrg(fields, { parentId: input.parentId, ancestors }, now);
      await audit(ctx, {
        action: 'saveOrg',
        targetType: 'org',
        targetId: org._id,
        summary: `新建组织「${input.name}」`,
      });
      return toOrg(org);
    },
  },

  deleteOrg: {
    access: 'admin',
    input: form({ id: id() }, { id: '组织编号' }),
    async run(ctx, input) {
      const org = await requireOrgInScope(ctx.caller, input.id);
      if ((await countChildren(org._id)) > 0) throw conflict('该组织下还有下级组织，不能删除');
      const members = await countUsersInOrg(org._id);
      if (members > 0) throw conflict(`还有 ${members} 位用户登记在该组织，不能删除`);
      await removeOrg(org._id);
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
