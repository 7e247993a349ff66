import { describe, expect, it } from 'vitest';
import type { Problem } from '@/api/problem';
import type { WebhookEndpoint } from '@/api/types';
import { mapProblem } from '@/lib/form-problem';
import { makeTranslate } from '@/lib/i18n';
import { createBody, editBody, valuesOf, WEBHOOK_MAPPING } from './form-values';

const endpoint = {
  id: 4,
  api_client_id: 3,
  url: 'https://hooks.example.cn/kehou',
  description: '家校通 生产环境',
  event_types: ['application.approved', 'application.withdrawn'],
  disabled: false,
  version: 2,
} as WebhookEndpoint;

describe('createBody', () => {
  it('trims the URL and the description', () => {
    expect(createBody({ api_client_id: 3, url: ' https://a.cn/h ', event_types: [], description: ' 测试 ' })).toEqual({
      api_client_id: 3,
      url: 'https://a.cn/h',
      event_types: [],
      description: '测试',
    });
  });
});

describe('editBody', () => {
  it('sends nothing when nothing changed, whatever the order of the types', () => {
    const values = { ...valuesOf(endpoint), event_types: [...endpoint.event_types].reverse() };
    expect(editBody(endpoint, values)).toEqual({});
  });

  it('sends only the fields that changed', () => {
    expect(editBody(endpoint, { ...valuesOf(endpoint), url: 'https://hooks.example.cn/v2' })).toEqual({
      url: 'https://hooks.example.cn/v2',
    });
    expect(editBody(endpoint, { ...valuesOf(endpoint), event_types: [] })).toEqual({ event_types: [] });
  });
});

describe('WEBHOOK_MAPPING', () => {
  const t = makeTranslate('zh-CN');
  const problem = (errors: Problem['errors']): Problem => ({
    type: 'about:blank',
    title: 'Unprocessable Entity',
    status: 422,
    detail: '',
    code: 'validation_failed',
    errors,
  });

  it('puts a refused URL under the URL field, saying why', () => {
    const mapped = mapProblem(
      t,
      problem([{ field: 'url', code: 'credentials', message: 'put no user name or password in the URL' }]),
      WEBHOOK_MAPPING,
    );
    expect(mapped).toEqual({ fields: [{ name: 'url', errors: ['地址中不能包含用户名或密码'] }], alert: false });
    const internal = mapProblem(
      t,
      problem([{ field: 'url', code: 'internal_address', message: 'internal' }]),
      WEBHOOK_MAPPING,
    );
    expect(internal.fields).toEqual([{ name: 'url', errors: ['不能推送到内网或本机地址'] }]);
  });

  it('puts an indexed event type and a client without events:read on their fields', () => {
    const mapped = mapProblem(
      t,
      problem([
        { field: 'event_types[1]', code: 'unknown', message: 'unknown event type' },
        { field: 'api_client_id', code: 'scope_missing', message: 'the client needs the events:read scope' },
      ]),
      WEBHOOK_MAPPING,
    );
    expect(mapped.fields).toEqual([
      { name: 'event_types', errors: ['不支持的取值'] },
      { name: 'api_client_id', errors: ['所选应用没有“事件推送（events:read）”权限'] },
    ]);
    expect(mapped.alert).toBe(false);
  });

  it('keeps a 412 for the alert', () => {
    const stale = { ...problem(null), status: 412, code: 'precondition_failed' };
    expect(mapProblem(t, stale, WEBHOOK_MAPPING)).toEqual({ fields: [], alert: true });
  });
});
