import { describe, expect, it } from 'vitest';
import type { Ability, Me, Role } from '@/api/types';
import { defineAccess, NO_ACCESS, PERMISSIONS, resolveSchoolId } from './access';

/** Every ability the server names, in the order /me lists them (`Ability::ALL`). */
const EVERY: Ability[] = [
  'view_students',
  'view_guardians',
  'view_homerooms',
  'view_staff',
  'view_rooms',
  'view_terms',
  'import_roster',
  'export_roster',
  'edit_roster',
  'manage_staff',
  'view_audit_log',
  'view_plans',
  'edit_plans',
  'approve_plans',
  'manage_texts',
  'view_informed',
  'record_paper_receipt',
  'review_applications',
  'school_review',
  'view_application_stats',
  'view_clubs',
  'edit_clubs',
  'vet_clubs',
  'view_service_requests',
  'review_service_requests',
];

const allBut = (...left: Ability[]) => EVERY.filter((a) => !left.includes(a));

/**
 * What /me sends in `permissions` for a grant of one role, as the server computes it
 * (`Ability::of`, api/src/auth/abilities.rs). A fixture only: the SPA reads the list, it never
 * derives it from roles.
 */
const SENT_FOR: Record<Role, Ability[]> = {
  district_admin: allBut('manage_staff', 'edit_plans', 'record_paper_receipt', 'vet_clubs'),
  district_viewer: [
    'view_students',
    'view_homerooms',
    'view_staff',
    'view_rooms',
    'view_terms',
    'view_plans',
    'view_informed',
    'view_application_stats',
    'view_clubs',
  ],
  school_admin: allBut('approve_plans'),
  homeroom_teacher: [
    'view_students',
    'view_guardians',
    'view_homerooms',
    'view_rooms',
    'view_terms',
    'view_informed',
    'record_paper_receipt',
    'review_applications',
    'view_clubs',
    'view_service_requests',
  ],
  tutor: ['view_students', 'view_guardians', 'view_homerooms', 'view_rooms', 'view_terms', 'view_clubs'],
  finance: ['view_students', 'view_homerooms', 'view_terms'],
  gate: ['view_students', 'view_guardians', 'view_homerooms', 'view_terms'],
};

/** The union the server sends for several roles in one school. */
function sentFor(roles: readonly Role[]): Ability[] {
  return [...new Set(roles.flatMap((r) => SENT_FOR[r]))];
}

type GrantFixture = [schoolId: number, roles: Role[], permissions?: Ability[]];

/** A /me as the server sends it; permissions default to what the roles hold there. */
function staff(grants: GrantFixture[], overrides: Partial<Me> = {}): Me {
  return {
    user_id: 1,
    kind: 'staff',
    username: 'u',
    display_name: 'U',
    district_id: null,
    district_admin: false,
    district_role: null,
    scopes: [],
    grants: grants.map(([school_id, roles, permissions]) => ({
      school_id,
      school_name: `学校${school_id}`,
      roles,
      permissions: permissions ?? sentFor(roles),
      homeroom_ids: [],
    })),
    ...overrides,
  };
}

describe('defineAccess', () => {
  it('grants nothing without a user', () => {
    expect(defineAccess(null, 1)).toEqual(NO_ACCESS);
    expect(defineAccess(undefined, null)).toEqual(NO_ACCESS);
  });

  it('grants nothing to guardians or API clients, whatever their grants say', () => {
    expect(defineAccess(staff([[1, ['school_admin']]], { kind: 'guardian' }), 1)).toEqual(NO_ACCESS);
    expect(defineAccess(staff([[1, ['school_admin']]], { kind: 'client' }), 1)).toEqual(NO_ACCESS);
    expect(defineAccess(staff([[1, [], []]], { kind: 'guardian' }), 1)).toEqual(NO_ACCESS);
  });

  it('flags a district admin from /me even without a district_admin grant role', () => {
    expect(defineAccess(staff([[1, ['tutor']]], { district_admin: true }), 1).isDistrictAdmin).toBe(true);
  });

  it('lets district admins and district viewers read the district pages, and only admins change them', () => {
    const admin = defineAccess(
      staff([[1, ['district_admin']]], { district_id: 9, district_role: 'district_admin' }),
      1,
    );
    expect(admin).toMatchObject({ isDistrictAdmin: true, viewDistrict: true });
    const viewer = defineAccess(
      staff([[1, ['district_viewer']]], { district_id: 9, district_role: 'district_viewer' }),
      1,
    );
    expect(viewer).toMatchObject({ isDistrictAdmin: false, viewDistrict: true, viewStudents: true });
    expect(viewer).toMatchObject({ editRoster: false, manageStaff: false, approvePlans: false, viewGuardians: false });
    expect(defineAccess(staff([[1, ['school_admin']]]), 1).viewDistrict).toBe(false);
  });

  it('has one capability for every ability the server may send', () => {
    const caps = defineAccess(staff([[1, [], EVERY]]), 1);
    for (const p of PERMISSIONS) expect(caps[p], p).toBe(true);
    expect(new Set(PERMISSIONS).size).toBe(EVERY.length);
    expect(PERMISSIONS.length).toBe(Object.keys(NO_ACCESS).length - 3);
  });

  it('reads the permissions the server sent, not the roles', () => {
    const rolesOnly = defineAccess(staff([[1, ['school_admin'], []]]), 1);
    for (const p of PERMISSIONS) expect(rolesOnly[p], p).toBe(false);
    const listed = defineAccess(staff([[1, [], ['view_students', 'vet_clubs']]]), 1);
    expect(listed).toMatchObject({ viewStudents: true, vetClubs: true, viewGuardians: false, editClubs: false });
  });

  it('ignores an ability this build does not know yet', () => {
    const newer = ['view_students', 'fly_drones'] as unknown as Ability[];
    const caps = defineAccess(staff([[1, ['tutor'], newer]]), 1);
    expect(caps.viewStudents).toBe(true);
    expect(Object.keys(caps).sort()).toEqual(Object.keys(NO_ACCESS).sort());
  });

  it('gives a school admin every capability in their school but approving plans', () => {
    const caps = defineAccess(staff([[1, ['school_admin']]]), 1);
    for (const p of PERMISSIONS) expect(caps[p], p).toBe(p !== 'approvePlans');
    expect(caps.isStaff).toBe(true);
    expect(caps.isDistrictAdmin).toBe(false);
  });

  it('gives a district admin every capability but staff management, plan drafting, paper receipts and club vetting, and flags them', () => {
    const me = staff(
      [
        [1, ['district_admin']],
        [2, ['district_admin']],
      ],
      { district_id: 9 },
    );
    const caps = defineAccess(me, 2);
    const schoolOnly = ['manageStaff', 'editPlans', 'recordPaperReceipt', 'vetClubs'];
    for (const p of PERMISSIONS) expect(caps[p], p).toBe(!schoolOnly.includes(p));
    expect(caps.isDistrictAdmin).toBe(true);
  });

  it('lets a homeroom teacher read the roster but not import, export or see staff', () => {
    const caps = defineAccess(staff([[1, ['homeroom_teacher']]]), 1);
    expect(caps).toMatchObject({
      viewStudents: true,
      viewGuardians: true,
      viewHomerooms: true,
      viewRooms: true,
      viewTerms: true,
      viewStaff: false,
      importRoster: false,
      exportRoster: false,
      editRoster: false,
      manageStaff: false,
      viewAuditLog: false,
    });
  });

  it('lets a homeroom teacher review applications and record paper receipts, but not the school review', () => {
    const caps = defineAccess(staff([[1, ['homeroom_teacher']]]), 1);
    expect(caps).toMatchObject({
      reviewApplications: true,
      viewInformed: true,
      recordPaperReceipt: true,
      schoolReview: false,
      viewPlans: false,
      editPlans: false,
      approvePlans: false,
      manageTexts: false,
      viewApplicationStats: false,
    });
  });

  it('shows the clubs to teachers and lets only admins add one', () => {
    expect(defineAccess(staff([[1, ['homeroom_teacher']]]), 1)).toMatchObject({ viewClubs: true, editClubs: false });
    expect(defineAccess(staff([[1, ['school_admin']]]), 1)).toMatchObject({ viewClubs: true, editClubs: true });
    expect(defineAccess(staff([[1, ['finance']]]), 1)).toMatchObject({ viewClubs: false, editClubs: false });
  });

  it('lets only the school admin vet an external club teacher', () => {
    expect(defineAccess(staff([[1, ['school_admin']]]), 1).vetClubs).toBe(true);
    for (const role of ['district_admin', 'homeroom_teacher', 'tutor', 'finance', 'gate'] as const) {
      expect(defineAccess(staff([[1, [role]]]), 1).vetClubs, role).toBe(false);
    }
  });

  it('lets admins review service requests and homeroom teachers only see them', () => {
    expect(defineAccess(staff([[1, ['homeroom_teacher']]]), 1)).toMatchObject({
      viewServiceRequests: true,
      reviewServiceRequests: false,
    });
    expect(defineAccess(staff([[1, ['school_admin']]]), 1)).toMatchObject({
      viewServiceRequests: true,
      reviewServiceRequests: true,
    });
  });

  it('keeps tutors, finance and gate staff out of the application pages', () => {
    for (const role of ['tutor', 'finance', 'gate'] as const) {
      const caps = defineAccess(staff([[1, [role]]]), 1);
      expect(caps.reviewApplications, role).toBe(false);
      expect(caps.viewInformed, role).toBe(false);
      expect(caps.viewPlans, role).toBe(false);
    }
  });

  it('keeps finance away from guardians and rooms', () => {
    const caps = defineAccess(staff([[1, ['finance']]]), 1);
    expect(caps.viewStudents).toBe(true);
    expect(caps.viewGuardians).toBe(false);
    expect(caps.viewRooms).toBe(false);
  });

  it('lets gate staff see pickup persons but not rooms, and change nothing', () => {
    const caps = defineAccess(staff([[1, ['gate']]]), 1);
    expect(caps.viewGuardians).toBe(true);
    expect(caps.viewRooms).toBe(false);
    expect(caps.editRoster).toBe(false);
    expect(caps.viewAuditLog).toBe(false);
  });

  it('uses only the permissions of the selected school', () => {
    const me = staff([
      [1, ['school_admin']],
      [2, ['tutor']],
    ]);
    expect(defineAccess(me, 1).importRoster).toBe(true);
    expect(defineAccess(me, 2).importRoster).toBe(false);
    expect(defineAccess(me, 2).viewStudents).toBe(true);
  });

  it('grants no school capability for a school outside the grants', () => {
    const caps = defineAccess(staff([[1, ['school_admin']]]), 3);
    for (const p of PERMISSIONS) expect(caps[p], p).toBe(false);
    expect(caps.isStaff).toBe(true);
    expect(defineAccess(staff([[1, ['school_admin']]]), null)).toMatchObject({ isStaff: true, viewStudents: false });
  });

  it('unions the permissions sent for the roles held in one school', () => {
    const caps = defineAccess(staff([[1, ['finance', 'gate']]]), 1);
    expect(caps.viewGuardians).toBe(true);
    expect(caps.importRoster).toBe(false);
  });
});

describe('resolveSchoolId', () => {
  const me = staff([
    [5, ['tutor']],
    [7, ['school_admin']],
  ]);

  it('keeps the remembered school while it is still granted', () => {
    expect(resolveSchoolId(me, 7)).toBe(7);
  });

  it('falls back to the first grant', () => {
    expect(resolveSchoolId(me, null)).toBe(5);
    expect(resolveSchoolId(me, 99)).toBe(5);
  });

  it('is null without grants', () => {
    expect(resolveSchoolId(staff([]), 5)).toBeNull();
  });
});
