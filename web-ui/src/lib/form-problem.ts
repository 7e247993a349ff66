/**
 * A failed form submission, shown where it belongs (STYLE.md §10): each `errors[].field` of a
 * problem under its form field (AntD `Form.setFields`), explained by its code in the locale or
 * else by the server's message; anything that names no field of the form in an alert above it.
 */
import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError, type FieldError, type Problem } from '@/api/problem';
import { describeProblem, isMessageKey, useT, type Translate } from './i18n';

export type ProblemMapping = {
  /** The form's field names, equal to the request's (`holidays[2]` lands on `holidays`). */
  fields: readonly string[];
  /** Request fields the form shows under another name, e.g. `start_date` → `dates`. */
  aliases?: Readonly<Record<string, string>>;
  /** Problems about one field's value, e.g. `student.duplicate_number` → `student_no`. */
  codeFields?: Readonly<Record<string, string>>;
  /**
   * Form.List fields whose items are objects: `offerings[1].end_time` lands on
   * `['offerings', 1, 'end_time']` (any other error of the list on the list itself).
   */
  lists?: readonly string[];
  /**
   * Object fields keyed by a value the form shows one field per key of:
   * `makeup_timetable.2026-10-10` lands on `['makeup_timetable', '2026-10-10']`.
   */
  records?: readonly string[];
};

export type FieldName = string | (string | number)[];
export type FieldErrors = { name: FieldName; errors: string[] }[];

/** One field error in words: the locale's text for its code, else what the server said. */
export function fieldErrorMessage(t: Translate, error: FieldError): string {
  const key = `field_error.${error.code}`;
  return isMessageKey(key) ? t(key) : error.message;
}

function formField(field: string, mapping: ProblemMapping): FieldName | undefined {
  // `offerings[1].end_time`, and nested lists: `offerings[0].segments[1].start_time`.
  if (/^\w+\[\d+\](\.\w+\[\d+\])*\.\w+$/.test(field)) {
    const path = field.split(/[[\].]+/).filter(Boolean);
    const name = path.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    if (typeof name[0] === 'string' && mapping.lists?.includes(name[0])) return name;
  }
  const entry = /^(\w+)\.([^.[\]]+)$/.exec(field);
  if (entry?.[1] && entry[2] && mapping.records?.includes(entry[1])) return [entry[1], entry[2]];
  const base = field.replace(/[[.].*$/, '');
  for (const name of [field, base]) {
    const aliased = mapping.aliases?.[name] ?? name;
    if (mapping.fields.includes(aliased)) return aliased;
  }
  return undefined;
}

/** Splits a problem into errors under the form's fields, and whether an alert is still needed. */
export function mapProblem(
  t: Translate,
  problem: Problem,
  mapping: ProblemMapping,
): { fields: FieldErrors; alert: boolean } {
  const byField = new Map<string, { name: FieldName; errors: string[] }>();
  const add = (name: FieldName, message: string) => {
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(message)) byField.set(key, { name, errors: [...entry.errors, message] });
  };
  let unmatched = false;
  for (const error of problem.errors ?? []) {
    const name = formField(error.field, mapping);
    if (name) add(name, fieldErrorMessage(t, error));
    else unmatched = true;
  }
  const codeField = mapping.codeFields?.[problem.code];
  if (codeField && mapping.fields.includes(codeField)) add(codeField, describeProblem(t, problem).message);
  const fields = [...byField.values()];
  return { fields, alert: fields.length === 0 || unmatched };
}

/**
 * For a form's mutation: `show(error)` marks the fields and keeps what is left for a
 * ProblemAlert (`error`); `clear()` before submitting again.
 */
export function useFormProblem<T>(form: FormInstance<T>, mapping: ProblemMapping) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const show = useCallback(
    (err: unknown) => {
      if (!(err instanceof ApiError)) {
        setError(err);
        return;
      }
      const { fields, alert } = mapProblem(t, err.problem, mapping);
      form.setFields(fields as Parameters<FormInstance<T>['setFields']>[0]);
      setError(alert ? err : null);
    },
    [form, mapping, t],
  );
  const clear = useCallback(() => setError(null), []);
  return { error, show, clear };
}
