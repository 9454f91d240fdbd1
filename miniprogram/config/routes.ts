/** Every page's URL, in one place. Feature pages live in subpackages. */
export const ROUTES = {
  home: '/pages/home/index',
  me: '/pages/me/index',
  profile: '/packages/user/pages/profile/index',
  register: '/packages/user/pages/register/index',
  privacy: '/packages/user/pages/privacy/index',
  points: '/packages/user/pages/points/index',
  admin: '/packages/admin/pages/index/index',
  adminUsers: '/packages/admin/pages/users/index',
  adminOrgs: '/packages/admin/pages/orgs/index',
  adminAudit: '/packages/admin/pages/audit/index',
} as const;
