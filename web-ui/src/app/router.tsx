import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { paths } from '@/config/paths';
import { AppLayout } from './layout/app-layout';
import { RequireAuth } from './require-auth';
import { RequirePermission } from './require-permission';
import { appRoutes } from './route-table';
import { HomeRoute } from './routes/home-route';
import { LoginRoute } from './routes/login-route';
import { NotFoundRoute } from './routes/not-found-route';

const router = createBrowserRouter([
  { path: paths.login, Component: LoginRoute },
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
