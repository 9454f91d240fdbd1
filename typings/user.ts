import type { ActionSpec, IsoDate, Page, PageRequest } from './common';
import type { DashboardApi } from './dashboard';
import type { Org, OrgNode, SaveOrgRequest } from './org';

export type Role = 'worker' | 'member' | 'admin' | 'superadmin';

export type Occupation = 'courier' | 'food_delivery' | 'ride_hailing' | 'truck_driver' | 'streamer' | 'other';

/** Party membership is declared by the worker and verified by an admin. */
export type MemberStatus = 'none' | 'pending' | 'verified' | 'rejected';

/**
 * The privacy notice version in force. A literal type, so client and server both
 * name it and a new version breaks the build until both are updated.
 */
export type PrivacyNoticeVersion = '2026-11';

export interface WorkerInfo {
  realName: string;
  phone: string;
  occupation: Occupation;
  /** Platform company, e.g. a delivery platform or courier company (free text). */
  platform: string;
  orgId: string;
  orgName: string;
  isPartyMember: boolean;
  branchName: string;
  consentVersion: string;
  consentAt: IsoDate;
}

export interface PointsSummary {
  balance: number;
  earned: number;
  spent: number;
}

/** The caller's own profile: the only reply that carries their real name and phone. */
export interface MyProfile {
  userId: string;
  nickname: string;
  avatarFileId: string;
  roles: Role[];
  registered: boolean;
  worker: WorkerInfo | null;
  memberStatus: MemberStatus;
  memberRejectReason: string;
  adminOrgIds: string[];
  points: PointsSummary;
  createdAt: IsoDate;
}

export interface PointsEntry {
  id: string;
  amount: number;
  reason: PointsReason;
  /** Chinese description shown in the history. */
  title: string;
  sourceId: string;
  createdAt: IsoDate;
}

/** Why points moved; each reason has its own daily cap (see cloudfunctions/_shared/points). */
export type PointsReason =
  | 'quote_checkin'
  | 'lecture_complete'
  | 'quiz_pass'
  | 'roundtable_attend'
  | 'volunteer_hours'
  /** A 随手拍 report verified valid by an organiser (cases). */
  | 'case_report'
  | 'shop_redeem'
  | 'shop_refund'
  | 'admin_adjust';

/** What an admin sees of a user. Real name and phone are masked outside the admin's scope. */
export interface AdminUserView {
  userId: string;
  nickname: string;
  realName: string;
  phone: string;
  occupation: Occupation | null;
  platform: string;
  orgId: string | null;
  orgName: string;
  roles: Role[];
  memberStatus: MemberStatus;
  branchName: string;
  adminOrgIds: string[];
  inScope: boolean;
  createdAt: IsoDate;
}

export interface AuditEntry {
  id: string;
  actorUserId: string;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string;
  summary: string;
  createdAt: IsoDate;
}

export interface RegisterWorkerRequest {
  realName: string;
  phone: string;
  occupation: Occupation;
  platform: string;
  orgId: string;
  isPartyMember: boolean;
  branchName?: string;
  /** Must be true: consent to the privacy notice. */
  consent: boolean;
  consentVersion: PrivacyNoticeVersion;
}

/** The organiser home's dashboard (DashboardApi) lives here: the user function owns the cross-feature reads. */
export interface UserApi extends DashboardApi {
  login: ActionSpec<Record<string, never>, { profile: MyProfile; isNew: boolean }, 'public'>;
  getProfile: ActionSpec<Record<string, never>, MyProfile, 'user'>;
  updateProfile: ActionSpec<{ nickname?: string; avatarFileId?: string }, MyProfile, 'user'>;
  registerWorker: ActionSpec<RegisterWorkerRequest, MyProfile, 'user'>;
  deleteAccount: ActionSpec<{ confirm: true }, { deleted: true }, 'user'>;
  myPoints: ActionSpec<PageRequest, { summary: PointsSummary; entries: Page<PointsEntry> }, 'user'>;
  /** Public: the org tree (names and types) for pickers. */
  listOrgs: ActionSpec<Record<string, never>, OrgNode[], 'public'>;
  // Admin
  listUsers: ActionSpec<
    {
      keyword?: string;
      occupation?: Occupation;
      orgId?: string;
      /** Users holding this role ("role" itself is a reserved key: identity fields are stripped from requests). */
      hasRole?: Role;
      memberStatus?: MemberStatus;
    } & PageRequest,
    Page<AdminUserView>,
    'admin'
  >;
  setRoles: ActionSpec<{ userId: string; admin: boolean; adminOrgIds: string[] }, AdminUserView, 'superadmin'>;
  verifyMember: ActionSpec<{ userId: string; approve: boolean; reason?: string }, AdminUserView, 'admin'>;
  saveOrg: ActionSpec<SaveOrgRequest, Org, 'admin'>;
  deleteOrg: ActionSpec<{ id: string }, { deleted: true }, 'admin'>;
  listAuditLogs: ActionSpec<{ targetType?: string } & PageRequest, Page<AuditEntry>, 'superadmin'>;
}
