import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Term } from '@/api/types';
import { makeTranslate } from '@/lib/i18n';
import { makeupDayLabel, makeupDaysText, termBody, termValues, timetableFor, type TermValues } from './term-values';

const term: Term = {
  id: 7,
  school_id: 1,
  name: '2026 秋季学期',
  start_date: '2026-09-01',
  end_date: '2027-01-22',
  holidays: ['2026-10-01', '2026-10-02'],
  makeup_workdays: ['2026-09-27', '2026-10-10'],
  makeup_timetable: { '2026-10-10': 5 },
  version: 3,
};

const values = (patch: Partial<TermValues>): TermValues => ({
  name: '2026 秋季学期',
  dates: [dayjs('2026-09-01'), dayjs('2027-01-22')],
  holidays: [],
  makeup_workdays: [],
  ...patch,
});

describe('termValues', () => {
  it('prefills each make-up day with its weekday, Monday when the term does not say', () => {
    const v = termValues(term);
    expect(v.makeup_workdays.map((d) => d.format('YYYY-MM-DD'))).toEqual(['2026-09-27', '2026-10-10']);
    expect(v.makeup_timetable).toEqual({ '2026-09-27': 1, '2026-10-10': 5 });
    expect(v.dates.map((d) => d.format('YYYY-MM-DD'))).toEqual(['2026-09-01', '2027-01-22']);
  });

  it('round-trips a term to the same input', () => {
    expect(termBody(termValues(term))).toEqual({
      name: '2026 秋季学期',
      start_date: '2026-09-01',
      end_date: '2027-01-22',
      holidays: ['2026-10-01', '2026-10-02'],
      makeup_workdays: ['2026-09-27', '2026-10-10'],
      makeup_timetable: { '2026-09-27': 1, '2026-10-10': 5 },
    });
  });
});

describe('termBody', () => {
  it('sends the chosen weekday of each make-up day, sorted and without duplicates', () => {
    const body = termBody(
      values({
        makeup_workdays: [dayjs('2026-10-10'), dayjs('2026-09-27'), dayjs('2026-10-10')],
        makeup_timetable: { '2026-09-27': 3, '2026-10-10': 5 },
      }),
    );
    expect(body.makeup_workdays).toEqual(['2026-09-27', '2026-10-10']);
    expect(body.makeup_timetable).toEqual({ '2026-09-27': 3, '2026-10-10': 5 });
  });

  it('drops entries of days removed from the list and defaults new days to Monday', () => {
    const body = termBody(
      values({
        makeup_workdays: [dayjs('2026-10-10'), dayjs('2026-11-14')],
        makeup_timetable: { '2026-09-27': 3, '2026-10-10': 5 },
      }),
    );
    expect(body.makeup_timetable).toEqual({ '2026-10-10': 5, '2026-11-14': 1 });
  });

  it('sends an empty timetable without make-up days (lists left undefined by the form too)', () => {
    const body = termBody({ ...values({}), holidays: undefined as never, makeup_workdays: undefined as never });
    expect(body).toMatchObject({ holidays: [], makeup_workdays: [], makeup_timetable: {} });
  });
});

describe('timetableFor', () => {
  it('keeps weekdays 1–5 only', () => {
    expect(timetableFor(['2026-09-27', '2026-10-10'], { '2026-09-27': 6, '2026-10-10': 0 })).toEqual({
      '2026-09-27': 1,
      '2026-10-10': 1,
    });
  });
});

describe('make-up day text', () => {
  const zh = makeTranslate('zh-CN');
  const en = makeTranslate('en-US');

  it('names the day, its weekday and the timetable it follows', () => {
    expect(makeupDayLabel(zh, '2026-10-10')).toBe('10月10日（周六）');
    expect(makeupDaysText(zh, term)).toEqual(['9月27日（周日）按周一课表', '10月10日（周六）按周五课表']);
    expect(makeupDaysText(en, term)).toEqual(['9/27 (Sun): Mon timetable', '10/10 (Sat): Fri timetable']);
  });
});
