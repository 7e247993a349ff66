import { describe, expect, it } from 'vitest';
import { antdLocales, unwrapAntdLocale } from './antd-locale';

describe('antdLocales', () => {
  it('gives AntD its Chinese texts in zh-CN', () => {
    const zh = antdLocales['zh-CN'];
    expect(zh.locale).toBe('zh-cn');
    expect(zh.Empty?.description).toBe('暂无数据');
    expect(zh.Modal?.okText).toBe('确定');
    expect(zh.Pagination?.items_per_page).toBe('条/页');
    expect(zh.DatePicker?.lang.locale).toBe('zh_CN');
  });

  it('gives AntD English in en-US', () => {
    expect(antdLocales['en-US'].Empty?.description).toBe('No data');
  });

  it('unwraps a locale that a bundler left under `default` (Rolldown’s Node interop)', () => {
    const zh = antdLocales['zh-CN'];
    expect(unwrapAntdLocale({ default: zh })).toBe(zh);
    expect(unwrapAntdLocale(zh)).toBe(zh);
  });
});
