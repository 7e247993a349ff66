/**
 * The one table of pages: it builds the side menu (menuKey, icon, group) and the guards
 * (permission). A page the user's roles do not allow is neither listed nor reachable.
 */
import {
  AuditOutlined,
  BarChartOutlined,
  FieldTimeOutlined,
  ApiOutlined,
  TrophyOutlined,
  CheckSquareOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  SolutionOutlined,
  BankOutlined,
  ClusterOutlined,
  UserSwitchOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  HomeOutlined,
  IdcardOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import { paths, type AppPath } from '@/config/paths';
import type { PageAccess } from '@/lib/access';
import type { MessageKey } from '@/locales';
import { AuditRoute } from './routes/audit-route';
import { ClubsRoute } from './routes/clubs-route';
import { DistrictSchoolsRoute } from './routes/district-schools-route';
import { DistrictStaffRoute } from './routes/district-staff-route';
import { HomeroomsRoute } from './routes/homerooms-route';
import { ImportsRoute } from './routes/imports-route';
import { IntegrationRoute } from './routes/integration-route';
import { InformedRoute } from './routes/informed-route';
import { PlanApprovalsRoute } from './routes/plan-approvals-route';
import { PlansRoute } from './routes/plans-route';
import { ReviewRoute } from './routes/review-route';
import { ServiceRequestsRoute } from './routes/service-requests-route';
import { RoomsRoute } from './routes/rooms-route';
import { StaffRoute } from './routes/staff-route';
import { StatsRoute } from './routes/stats-route';
import { StudentsRoute } from './routes/students-route';
import { TermsRoute } from './routes/terms-route';
import { TextsRoute } from './routes/texts-route';

export type AppRoute = {
  path: AppPath;
  /** Menu label (locale key). */
  menuKey: MessageKey;
  /** Menu section (locale key). */
  group: MessageKey;
  icon: ComponentType;
  permission: PageAccess;
  Component: ComponentType;
  /** The menu entry's data-testid when the path's last segment is not unique (`menu-<segment>` otherwise). */
  menuTestId?: string;
};

export const appRoutes: readonly AppRoute[] = [
  {
    path: paths.districtSchools,
    menuKey: 'menu.district_schools',
    group: 'menu.district',
    icon: ClusterOutlined,
    permission: 'viewDistrict',
    Component: DistrictSchoolsRoute,
    menuTestId: 'menu-district-schools',
  },
  {
    path: paths.districtStaff,
    menuKey: 'menu.district_staff',
    group: 'menu.district',
    icon: UserSwitchOutlined,
    // The district's own accounts: its admins manage them, its viewers read nothing there (contract).
    permission: 'isDistrictAdmin',
    Component: DistrictStaffRoute,
    menuTestId: 'menu-district-staff',
  },
  {
    path: paths.students,
    menuKey: 'menu.students',
    group: 'menu.roster',
    icon: TeamOutlined,
    permission: 'viewStudents',
    Component: StudentsRoute,
  },
  {
    path: paths.homerooms,
    menuKey: 'menu.homerooms',
    group: 'menu.roster',
    icon: HomeOutlined,
    permission: 'viewHomerooms',
    Component: HomeroomsRoute,
  },
  {
    path: paths.staff,
    menuKey: 'menu.staff',
    group: 'menu.roster',
    icon: IdcardOutlined,
    permission: 'viewStaff',
    Component: StaffRoute,
  },
  {
    path: paths.rooms,
    menuKey: 'menu.rooms',
    group: 'menu.roster',
    icon: BankOutlined,
    permission: 'viewRooms',
    Component: RoomsRoute,
  },
  {
    path: paths.terms,
    menuKey: 'menu.terms',
    group: 'menu.roster',
    icon: CalendarOutlined,
    permission: 'viewTerms',
    Component: TermsRoute,
  },
  {
    path: paths.imports,
    menuKey: 'menu.imports',
    group: 'menu.roster',
    icon: CloudUploadOutlined,
    permission: 'importRoster',
    Component: ImportsRoute,
  },
  {
    path: paths.plans,
    menuKey: 'menu.plans',
    group: 'menu.applications',
    icon: SolutionOutlined,
    permission: 'viewPlans',
    Component: PlansRoute,
  },
  {
    path: paths.planApprovals,
    menuKey: 'menu.plan_approvals',
    group: 'menu.applications',
    icon: FileProtectOutlined,
    permission: 'approvePlans',
    Component: PlanApprovalsRoute,
  },
  {
    path: paths.texts,
    menuKey: 'menu.texts',
    group: 'menu.applications',
    icon: FileTextOutlined,
    permission: 'manageTexts',
    Component: TextsRoute,
  },
  {
    path: paths.clubs,
    menuKey: 'menu.clubs',
    group: 'menu.applications',
    icon: TrophyOutlined,
    permission: 'viewClubs',
    Component: ClubsRoute,
  },
  {
    path: paths.informed,
    menuKey: 'menu.informed',
    group: 'menu.applications',
    icon: FileSearchOutlined,
    permission: 'viewInformed',
    Component: InformedRoute,
  },
  {
    path: paths.review,
    menuKey: 'menu.review',
    group: 'menu.applications',
    icon: CheckSquareOutlined,
    permission: 'reviewApplications',
    Component: ReviewRoute,
  },
  {
    path: paths.serviceRequests,
    menuKey: 'menu.service_requests',
    group: 'menu.applications',
    icon: FieldTimeOutlined,
    permission: 'viewServiceRequests',
    Component: ServiceRequestsRoute,
  },
  {
    path: paths.stats,
    menuKey: 'menu.application_stats',
    group: 'menu.applications',
    icon: BarChartOutlined,
    permission: 'viewApplicationStats',
    Component: StatsRoute,
  },
  {
    path: paths.audit,
    menuKey: 'menu.audit',
    group: 'menu.admin',
    icon: AuditOutlined,
    permission: 'viewAuditLog',
    Component: AuditRoute,
  },
  {
    path: paths.integration,
    menuKey: 'menu.integration',
    group: 'menu.admin',
    icon: ApiOutlined,
    permission: 'isDistrictAdmin',
    Component: IntegrationRoute,
  },
];
