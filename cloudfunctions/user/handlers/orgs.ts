// The organisation tree: the public read (pickers) and admin CRUD within the admin's
// scope. Service stations are orgs too, but they are created, changed and deleted with
// their station record by the station function.
import type { UserApi } from '../../../typings/user';
import { checkTexts, PROFILE } from '../../_shared/content-check';
import { conflict, forbidden, invalid } from '../../_shared/errors';
import type { Handlers } from '../../_shared/function';
import { requireOrgInScope } from '../../_shared/scope';
import { audit } from '../../_shared/stores/audit';
import { allOrgs, countChildren, createOrg, removeOrg, toOrg, updateOrg } from '../../_shared/stores/orgs';
import { countUsersInOrg } from '../../_shared/stores/users';
import * as z from 'zod';
import { form, id, text } from '../../_shared/validation';
import { buildTree, CHILD_TYPES } from '../rules/org-tree';

/** What saveOrg makes; a station is made with its record (station.saveStation). */
const ORG_TYPES = ['district', 'industry', 'street', 'branch'] as const;
const STATION_ELSEWHERE = '服务驿站请在「驿站管理」中新建、修改和删除';

type OrgActions = Pick<UserApi, 'listOrgs' | 'saveOrg' | 'deleteOrg'>;

export const orgHandlers = {
  listOrgs: {
    access: 'public',
    input: form({}, {}),
    run: async () => buildTree((await allOrgs()).map(toOrg)),
  },

  saveOrg: {
    access: 'admin',
    input: form(
      {
        id: id().optional(),
        name: text(40, 2),
        type: z.enum(ORG_TYPES),
        parentId: id().nullable(),
        sort: z.number().int().min(0).max(9999).optional(),
      },
      { id: '组织编号', name: '组织名称', type: '组织类型', parentId: '上级组织', sort: '排序' },
    ),
    async run(ctx, input) {
      const { caller, now } = ctx;
      // Checked once the caller may touch the org (below), before anything is written.
      const checkPublicText = () => checkTexts(caller.openid, [['组织名称', input.name]], PROFILE);
      const fields = { name: input.name, type: input.type, sort: input.sort ?? 0 };
      if (input.id) {
        const org = await requireOrgInScope(caller, input.id);
        if (org.parentId !== input.parentId) throw conflict('不支持移动组织到其他上级，请新建后迁移');
        if (org.type === 'station') throw conflict(STATION_ELSEWHERE);
        if (org.type !== input.type) throw conflict('不支持修改组织类型');
        await checkPublicText();
        await updateOrg(org._id, fields, now);
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
      if (org.type === 'station') throw conflict(STATION_ELSEWHERE);
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
