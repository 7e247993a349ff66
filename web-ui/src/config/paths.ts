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
} as const;

export type AppPath = (typeof paths)[keyof typeof paths];
