/**
 * What the signed-in user may do in the selected school, derived only from GET /me.
 * Pure and unit-tested (access.test.ts). It decides what the UI shows; the server enforces the
 * same rules on every request, so a wrong answer here hides a page, never leaks data.
 */
import type { Grant, Me, Role, SchoolId } from '@/api/types';

export type Capabilities = {
  /** Signed in as school or district staff (guardians use the parent app; API clients have no UI). */
  isStaff: boolean;
  isDistrictAdmin: boolean;
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
  /** Add staff members and their logins (the district grants district admins, not a school). */
  manageStaff: boolean;
  viewAuditLog: boolean;
  /** 服务方案: read the plan versions; school admins draft and submit them (server: RosterWrite + school_admin). */
  viewPlans: boolean;
  editPlans: boolean;
  /** 方案审批: the district approves or rejects submitted plans. */
  approvePlans: boolean;
  /** 告知书与协议: draft and publish the notice, application form and agreement (server: RosterWrite). */
  manageTexts: boolean;
  /** 知晓情况: the informed report (server: RosterRead; the menu shows it to those who act on it). */
  viewInformed: boolean;
  /** Record a family's paper receipt of the notice (server: homeroom teachers and school admins only). */
  recordPaperReceipt: boolean;
  /** 报名审核: the class review (the student's homeroom teacher or an admin). */
  reviewApplications: boolean;
  /** 学校复核, withdrawing for a family, acceptance evidence and the approved list (server: school admin, RosterWrite). */
  schoolReview: boolean;
  /** 报名统计 (server: RosterRead; shown to admins). */
  viewApplicationStats: boolean;
  /** 社团: the club catalogue of a term (server: RosterRead; RosterWrite to add a club). */
  viewClubs: boolean;
  editClubs: boolean;
  /** 外聘教师审核备案: record the vetting of a club's external teacher (server: the school admin only). */
  vetClubs: boolean;
  /** 延时/临时申请: day registrations and special late service (server: a homeroom teacher sees their homerooms'). */
  viewServiceRequests: boolean;
  /** Approve or reject them (server: school and district admins). */
  reviewServiceRequests: boolean;
};

/** A capability a route or a button can require. */
export type Permission = Exclude<keyof Capabilities, 'isStaff' | 'isDistrictAdmin'>;

const ADMINS: readonly Role[] = ['district_admin', 'school_admin'];
const ALL_STAFF: readonly Role[] = [...ADMINS, 'homeroom_teacher', 'tutor', 'finance', 'gate'];

/** Which roles grant each permission within one school. */
const RULES: Readonly<Record<Permission, readonly Role[]>> = {
  viewStudents: ALL_STAFF,
  viewGuardians: [...ADMINS, 'homeroom_teacher', 'tutor', 'gate'],
  viewHomerooms: ALL_STAFF,
  viewStaff: ADMINS,
  viewRooms: [...ADMINS, 'homeroom_teacher', 'tutor'],
  viewTerms: ALL_STAFF,
  importRoster: ADMINS,
  exportRoster: ADMINS,
  // As the server's RosterWrite, StaffManage and AuditRead (api/src/auth/mod.rs).
  editRoster: ADMINS,
  manageStaff: ['school_admin'],
  viewAuditLog: ADMINS,
  viewPlans: ADMINS,
  // Only a school admin may submit a plan (api/src/applications/plan.rs submit_plan).
  editPlans: ['school_admin'],
  approvePlans: ['district_admin'],
  manageTexts: ADMINS,
  viewInformed: [...ADMINS, 'homeroom_teacher'],
  recordPaperReceipt: ['school_admin', 'homeroom_teacher'],
  reviewApplications: [...ADMINS, 'homeroom_teacher'],
  schoolReview: ADMINS,
  viewApplicationStats: ADMINS,
  viewClubs: [...ADMINS, 'homeroom_teacher', 'tutor'],
  editClubs: ADMINS,
  // Only a school admin vets an external teacher (api/src/applications/club_vetting.rs vet_club).
  vetClubs: ['school_admin'],
  viewServiceRequests: [...ADMINS, 'homeroom_teacher'],
  reviewServiceRequests: ADMINS,
};

export const PERMISSIONS = Object.keys(RULES) as Permission[];

export const NO_ACCESS: Capabilities = {
  isStaff: false,
  isDistrictAdmin: false,
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
  const roles = new Set<Role>(grantFor(me, schoolId)?.roles ?? []);
  const caps: Capabilities = {
    ...NO_ACCESS,
    isStaff: true,
    isDistrictAdmin: me.district_admin || me.grants.some((g) => g.roles.includes('district_admin')),
  };
  for (const permission of PERMISSIONS) {
    caps[permission] = RULES[permission].some((role) => roles.has(role));
  }
  return caps;
}
