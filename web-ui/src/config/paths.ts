/** Every path of the SPA, so links and the route table cannot drift. */
export const paths = {
  login: '/login',
  home: '/',
  students: '/roster/students',
  homerooms: '/roster/homerooms',
  staff: '/roster/staff',
  rooms: '/roster/rooms',
  terms: '/roster/terms',
  imports: '/roster/imports',
  audit: '/admin/audit-events',
  integration: '/admin/integration',
  plans: '/applications/plans',
  planApprovals: '/applications/plan-approvals',
  texts: '/applications/texts',
  informed: '/applications/informed',
  review: '/applications/review',
  stats: '/applications/stats',
  clubs: '/applications/clubs',
  serviceRequests: '/applications/service-requests',
  activate: '/activate',
  /** Accepting a staff login's invitation (public): the code comes in the fragment, `#K7QM-3XPA-9TRD`. */
  invitation: '/invitation',
  districtSchools: '/district/schools',
  districtStaff: '/district/staff',
  portal: '/portal',
  portalChild: '/portal/children/:studentId',
  portalApply: '/portal/children/:studentId/apply',
  portalApplication: '/portal/children/:studentId/applications/:applicationId',
  portalEdit: '/portal/children/:studentId/applications/:applicationId/edit',
  portalRequest: '/portal/children/:studentId/requests/new',
} as const;

export type AppPath = (typeof paths)[keyof typeof paths];

/** Links into the guardian portal (the patterns above, filled in). */
export const portalLinks = {
  child: (studentId: number) => `/portal/children/${studentId}`,
  apply: (studentId: number) => `/portal/children/${studentId}/apply`,
  request: (studentId: number) => `/portal/children/${studentId}/requests/new`,
  application: (studentId: number, applicationId: number) =>
    `/portal/children/${studentId}/applications/${applicationId}`,
  edit: (studentId: number, applicationId: number) =>
    `/portal/children/${studentId}/applications/${applicationId}/edit`,
};
