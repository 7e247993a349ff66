/**
 * The term form's values and the API's Term / TermInput, both ways. Dates travel as school-local
 * `YYYY-MM-DD`; a make-up workday (调休上班日) follows the timetable of a weekday 1–5 (Monday …
 * Friday), Monday when the term does not say.
 */
import dayjs, { type Dayjs } from 'dayjs';
import type { Term, TermInput } from '@/api/types';
import type { Translate } from '@/lib/i18n';
import { weekdayLabel } from '@/lib/service-labels';

export const DAY = 'YYYY-MM-DD';

/** A make-up day not listed in `makeup_timetable` follows Monday's timetable. */
export const MONDAY = 1;

/** The weekdays whose timetable a make-up day may follow: 1 = Monday … 5 = Friday. */
export const TIMETABLE_WEEKDAYS = [1, 2, 3, 4, 5] as const;

/** Per make-up day (`YYYY-MM-DD`), the weekday whose timetable it follows. */
export type Timetable = Record<string, number>;

export type TermValues = {
  name: string;
  dates: [Dayjs, Dayjs];
  holidays: Dayjs[];
  makeup_workdays: Dayjs[];
  makeup_timetable?: Timetable;
};

/** Distinct days, sorted, as `YYYY-MM-DD`. */
export function dayStrings(list: readonly Dayjs[] | undefined): string[] {
  return [...new Set((list ?? []).map((d) => d.format(DAY)))].sort();
}

const isTimetableWeekday = (n: unknown): n is number =>
  typeof n === 'number' && (TIMETABLE_WEEKDAYS as readonly number[]).includes(n);

/** The weekday each of `days` follows: as given, else Monday; entries for other days are dropped. */
export function timetableFor(days: readonly string[], timetable: Timetable | undefined): Timetable {
  return Object.fromEntries(
    days.map((d) => {
      const weekday = timetable?.[d];
      return [d, isTimetableWeekday(weekday) ? weekday : MONDAY];
    }),
  );
}

export function termValues(term: Term): TermValues {
  return {
    name: term.name,
    dates: [dayjs(term.start_date), dayjs(term.end_date)],
    holidays: term.holidays.map((d) => dayjs(d)),
    makeup_workdays: term.makeup_workdays.map((d) => dayjs(d)),
    makeup_timetable: timetableFor(term.makeup_workdays, term.makeup_timetable),
  };
}

/** Every make-up day is sent with its weekday (Monday unless chosen), and only make-up days. */
export function termBody(values: TermValues): TermInput {
  const makeup = dayStrings(values.makeup_workdays);
  return {
    name: values.name,
    start_date: values.dates[0].format(DAY),
    end_date: values.dates[1].format(DAY),
    holidays: dayStrings(values.holidays),
    makeup_workdays: makeup,
    makeup_timetable: timetableFor(makeup, values.makeup_timetable),
  };
}

/** ISO weekday of a `YYYY-MM-DD` date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return dayjs(date).day() || 7;
}

/** `9月27日（周日）`. */
export function makeupDayLabel(t: Translate, date: string): string {
  const d = dayjs(date);
  const monthDay = t('term.month_day', { month: d.month() + 1, day: d.date() });
  return t('term.day_with_weekday', { date: monthDay, weekday: weekdayLabel(t, isoWeekday(date)) });
}

/** `10月10日（周六）按周五课表`, for each make-up day of a term in date order. */
export function makeupDaysText(t: Translate, term: Pick<Term, 'makeup_workdays' | 'makeup_timetable'>): string[] {
  const days = [...term.makeup_workdays].sort();
  const timetable = timetableFor(days, term.makeup_timetable);
  return days.map((d) =>
    t('term.makeup_follows', { day: makeupDayLabel(t, d), weekday: weekdayLabel(t, timetable[d] ?? MONDAY) }),
  );
}
