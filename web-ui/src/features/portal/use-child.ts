import type { Child, StudentId } from '@/api/types';
import { useChildren } from './api/get-children';

/** One of the guardian's children, from /me/children (which also says their school). */
export function useChild(studentId: StudentId): {
  child: Child | undefined;
  isLoading: boolean;
  error: unknown;
  refetch: () => unknown;
} {
  const children = useChildren();
  return {
    child: children.data?.items.find((c) => c.student_id === studentId),
    isLoading: children.isLoading,
    error: children.error,
    refetch: children.refetch,
  };
}
