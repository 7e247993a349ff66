import { describe, expect, it } from 'vitest';
import { makeTranslate } from '@/lib/i18n';
import { describeScope, sortScopes } from './scopes';

describe('describeScope', () => {
  const t = makeTranslate('zh-CN');

  it('names a known scope and says what it allows', () => {
    expect(describeScope(t, 'events:read')).toEqual({ label: '事件推送', hint: '读取事件流，接收推送（Webhook）' });
  });

  it('keeps an unknown scope as the server sent it', () => {
    expect(describeScope(t, 'fees:read')).toEqual({ label: 'fees:read', hint: 'fees:read' });
  });
});

describe('sortScopes', () => {
  it('puts known scopes in the API order and unknown ones last', () => {
    expect(sortScopes(['events:read', 'fees:read', 'roster:read'])).toEqual([
      'roster:read',
      'events:read',
      'fees:read',
    ]);
  });
});
