import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp } from 'antd';
import type { ReactNode } from 'react';
import { LocaleProvider } from '@/lib/locale-provider';
import { queryClient } from '@/lib/react-query';

/** Server state, locale (AntD + dayjs + messages) and AntD's message/notification context. */
export function AppProvider({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <AntdApp>{children}</AntdApp>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
