import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { paths } from '@/config/paths';
import { AppLayout } from './layout/app-layout';
import { PortalLayout } from './layout/portal-layout';
import { RequireAuth } from './require-auth';
import { RequireGuardian } from './require-guardian';
import { RequirePermission } from './require-permission';
import { appRoutes } from './route-table';
import { ActivateRoute } from './routes/activate-route';
import { HomeRoute } from './routes/home-route';
import { InvitationRoute } from './routes/invitation-route';
import { LoginRoute } from './routes/login-route';
import { NotFoundRoute } from './routes/not-found-route';
import {
  PortalApplicationRoute,
  PortalApplyRoute,
  PortalChildRoute,
  PortalEditRoute,
  PortalHomeRoute,
  PortalRequestRoute,
} from './routes/portal-routes';

const router = createBrowserRouter([
  { path: paths.login, Component: LoginRoute },
  { path: paths.activate, Component: ActivateRoute },
  { path: paths.invitation, Component: InvitationRoute },
  {
    path: paths.portal,
    element: (
      <RequireGuardian>
        <PortalLayout />
      </RequireGuardian>
    ),
    children: [
      { index: true, Component: PortalHomeRoute },
      { path: paths.portalChild, Component: PortalChildRoute },
      { path: paths.portalApply, Component: PortalApplyRoute },
      { path: paths.portalApplication, Component: PortalApplicationRoute },
      { path: paths.portalEdit, Component: PortalEditRoute },
      { path: paths.portalRequest, Component: PortalRequestRoute },
      { path: '*', Component: NotFoundRoute },
    ],
  },
  {
    path: paths.home,
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, Component: HomeRoute },
      ...appRoutes.map(({ path, permission, Component }) => ({
        path,
        element: (
          <RequirePermission permission={permission}>
            <Component />
          </RequirePermission>
        ),
      })),
      { path: '*', Component: NotFoundRoute },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
