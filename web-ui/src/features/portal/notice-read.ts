/**
 * Which notices this browser has opened for which child. Only a hint for the screen (已阅读): the
 * receipt itself is recorded by the server, which offers the family no way to read it back.
 */
const key = (textId: number, studentId: number) => `kehou.notice_read.${textId}.${studentId}`;

export function hasReadNotice(textId: number, studentId: number): boolean {
  try {
    return window.localStorage.getItem(key(textId, studentId)) !== null;
  } catch {
    return false;
  }
}

export function rememberNoticeRead(textId: number, studentId: number): void {
  try {
    window.localStorage.setItem(key(textId, studentId), new Date().toISOString());
  } catch {
    // Private mode: the hint is lost, the receipt is not.
  }
}
