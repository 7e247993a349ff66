import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp } from 'antd';
import type { ReactNode } from 'react';
import { LocaleProvider } from '@/lib/locale-provider';
import { queryClient } from '@/lib/react-query';

/**
 * Toasts start below the 56 px header so that they never cover a drawer's title and close
 * button (on a 1024 px tablet a centred toast sat on both for three seconds after each save).
 */
const MESSAGE_CONFIG = { top: 64 };

/** Server state, locale (AntD + dayjs + messages) and AntD's message/notification context. */
export function AppProvider({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <AntdApp message={MESSAGE_CONFIG}>{children}</AntdApp>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
