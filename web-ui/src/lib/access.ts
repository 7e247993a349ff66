/**
 * What the signed-in user may do in the selected school, derived only from GET /me.
 * Each school grant lists what the caller may do there (`permissions`, computed by the server from
 * the roles); this only renames them to capabilities, it keeps no rules of its own. Pure and
 * unit-tested (access.test.ts). It decides what the UI shows; the server enforces the same table
 * on every request, so a wrong answer here hides a page, never leaks data.
 */
import type { Ability, Grant, Me, SchoolId } from '@/api/types';

/** One flag per server ability (see `FROM_ABILITY`), plus who the user is. */
export type Capabilities = {
  /** Signed in as school or district staff (guardians use the parent app; API clients have no UI). */
  isStaff: boolean;
  /** Administers the district: brings schools on, invites their first admins and the district's staff. */
  isDistrictAdmin: boolean;
  /** Reads the district's pages: its admins and its viewers (区督导, read-only). */
  viewDistrict: boolean;
  viewStudents: boolean;
  /** Guardians and pickup persons of a student: people who hand children over need them. */
  viewGuardians: boolean;
  viewHomerooms: boolean;
  viewStaff: boolean;
  viewRooms: boolean;
  viewTerms: boolean;
  importRoster: boolean;
  exportRoster: boolean;
  /** Create, change and delete students, their guardians and pickup persons, homerooms, rooms, terms. */
  editRoster: boolean;
  /** Add staff members and their logins. */
  manageStaff: boolean;
  viewAuditLog: boolean;
  /** 服务方案: read the plan versions; `editPlans` drafts and submits them. */
  viewPlans: boolean;
  editPlans: boolean;
  /** 方案审批: the district approves or rejects submitted plans. */
  approvePlans: boolean;
  /** 告知书与协议: draft and publish the notice, application form and agreement. */
  manageTexts: boolean;
  /** 知晓情况: the informed report. */
  viewInformed: boolean;
  /** Record a family's paper receipt of the notice. */
  recordPaperReceipt: boolean;
  /** 报名审核: the class review. */
  reviewApplications: boolean;
  /** 学校复核, withdrawing for a family, acceptance evidence and the approved list. */
  schoolReview: boolean;
  /** 报名统计. */
  viewApplicationStats: boolean;
  /** 社团: the club catalogue of a term; `editClubs` adds a club. */
  viewClubs: boolean;
  editClubs: boolean;
  /** 外聘教师审核备案: record the vetting of a club's external teacher. */
  vetClubs: boolean;
  /** 延时/临时申请: day registrations and special late service (the server lists what the caller may see). */
  viewServiceRequests: boolean;
  /** Approve or reject them. */
  reviewServiceRequests: boolean;
};

/** A capability a route or a button can require. */
export type Permission = Exclude<keyof Capabilities, 'isStaff' | 'isDistrictAdmin' | 'viewDistrict'>;

/**
 * What a page requires: a capability in the selected school, administering the district
 * (district pages such as 接口与推送 belong to no school; the API's `DistrictScope::require_admin`),
 * or reading it (学校, 区级人员: district admins and viewers).
 */
export type PageAccess = Permission | 'isDistrictAdmin' | 'viewDistrict';

/**
 * The capability each server ability (`grants[].permissions` in /me, computed by the server from
 * the roles: api/src/auth/abilities.rs) turns on. Typed both ways: a name the schema adds without
 * a capability here, or a capability no name turns on, fails `tsc`.
 */
const FROM_ABILITY = {
  view_students: 'viewStudents',
  view_guardians: 'viewGuardians',
  view_homerooms: 'viewHomerooms',
  view_staff: 'viewStaff',
  view_rooms: 'viewRooms',
  view_terms: 'viewTerms',
  import_roster: 'importRoster',
  export_roster: 'exportRoster',
  edit_roster: 'editRoster',
  manage_staff: 'manageStaff',
  view_audit_log: 'viewAuditLog',
  view_plans: 'viewPlans',
  edit_plans: 'editPlans',
  approve_plans: 'approvePlans',
  manage_texts: 'manageTexts',
  view_informed: 'viewInformed',
  record_paper_receipt: 'recordPaperReceipt',
  review_applications: 'reviewApplications',
  school_review: 'schoolReview',
  view_application_stats: 'viewApplicationStats',
  view_clubs: 'viewClubs',
  edit_clubs: 'editClubs',
  vet_clubs: 'vetClubs',
  view_service_requests: 'viewServiceRequests',
  review_service_requests: 'reviewServiceRequests',
} as const satisfies Record<Ability, Permission>;

/** `never` unless every capability is turned on by some ability (the other half of the check). */
type Unmapped = Exclude<Permission, (typeof FROM_ABILITY)[Ability]>;
const EVERY_PERMISSION_MAPPED: [Unmapped] extends [never] ? true : Unmapped = true;
void EVERY_PERMISSION_MAPPED;

export const PERMISSIONS: readonly Permission[] = Object.values(FROM_ABILITY);

/** The capability of a server ability; undefined for a name this build does not know yet. */
function permissionOf(ability: string): Permission | undefined {
  return Object.hasOwn(FROM_ABILITY, ability) ? FROM_ABILITY[ability as Ability] : undefined;
}

export const NO_ACCESS: Capabilities = {
  isStaff: false,
  isDistrictAdmin: false,
  viewDistrict: false,
  viewStudents: false,
  viewGuardians: false,
  viewHomerooms: false,
  viewStaff: false,
  viewRooms: false,
  viewTerms: false,
  importRoster: false,
  exportRoster: false,
  editRoster: false,
  manageStaff: false,
  viewAuditLog: false,
  viewPlans: false,
  editPlans: false,
  approvePlans: false,
  manageTexts: false,
  viewInformed: false,
  recordPaperReceipt: false,
  reviewApplications: false,
  schoolReview: false,
  viewApplicationStats: false,
  viewClubs: false,
  editClubs: false,
  vetClubs: false,
  viewServiceRequests: false,
  reviewServiceRequests: false,
};

/** The grant for a school, if the user has one. */
export function grantFor(me: Me, schoolId: SchoolId | null): Grant | undefined {
  if (schoolId === null) return undefined;
  return me.grants.find((g) => g.school_id === schoolId);
}

/**
 * The school to work in: the remembered one if still granted, else the first granted school,
 * else none (a user without grants sees an empty menu).
 */
export function resolveSchoolId(me: Me, remembered: SchoolId | null): SchoolId | null {
  if (remembered !== null && me.grants.some((g) => g.school_id === remembered)) return remembered;
  return me.grants[0]?.school_id ?? null;
}

export function defineAccess(me: Me | null | undefined, schoolId: SchoolId | null): Capabilities {
  if (!me || me.kind !== 'staff') return NO_ACCESS;
  const isDistrictAdmin =
    me.district_role === 'district_admin' ||
    me.district_admin ||
    me.grants.some((g) => g.roles.includes('district_admin'));
  const caps: Capabilities = {
    ...NO_ACCESS,
    isStaff: true,
    isDistrictAdmin,
    viewDistrict: isDistrictAdmin || me.district_role === 'district_viewer',
  };
  for (const ability of grantFor(me, schoolId)?.permissions ?? []) {
    const permission = permissionOf(ability);
    if (permission) caps[permission] = true;
  }
  return caps;
}
