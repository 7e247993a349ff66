import type zh from '../zh-CN/menu';

const menu: Record<keyof typeof zh, string> = {
  'menu.district': 'District',
  'menu.district_schools': 'Schools',
  'menu.district_staff': 'District staff',
  'menu.roster': 'Roster',
  'menu.students': 'Students',
  'menu.homerooms': 'Homerooms',
  'menu.staff': 'Staff',
  'menu.rooms': 'Rooms',
  'menu.terms': 'Terms',
  'menu.imports': 'Import',
  'menu.admin': 'Administration',
  'menu.integration': 'API & webhooks',
  'menu.audit': 'Audit log',
  'menu.applications': 'Applications',
  'menu.plans': 'Service plans',
  'menu.plan_approvals': 'Plan approvals',
  'menu.texts': 'Notices & agreements',
  'menu.informed': 'Notice receipts',
  'menu.review': 'Review',
  'menu.application_stats': 'Statistics',
  'menu.clubs': 'Clubs',
  'menu.service_requests': 'Service requests',
};
export default menu;
