import { describe, expect, it } from 'vitest';
import { makeTranslate } from './i18n';
import { channelLabel, percent, placementLabel, weekdaysText } from './service-labels';

const t = makeTranslate('zh-CN');

describe('weekdaysText', () => {
  it('names a run of days by its ends and lists the others', () => {
    expect(weekdaysText(t, [5, 4, 3, 2, 1])).toBe('周一至周五');
    expect(weekdaysText(t, [1, 3])).toBe('周一、周三');
  });
});

describe('placementLabel', () => {
  it('shows the place in the queue of a waiting child', () => {
    expect(placementLabel(t, 'waiting', 3)).toBe('候补第 3 位');
    expect(placementLabel(t, 'enrolled')).toBe('已录取');
  });
});

describe('channelLabel', () => {
  it('names the parent app a receipt came from', () => {
    expect(channelLabel(t, 'portal')).toBe('家长端');
    expect(channelLabel(t, 'api_client:7')).toBe('第三方应用 #7');
  });
});

describe('percent', () => {
  it('keeps one decimal', () => {
    expect(percent(0.8313)).toBe('83.1%');
    expect(percent(1)).toBe('100.0%');
  });
});
