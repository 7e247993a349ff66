import type {
  Application,
  ApplicationEdit,
  ClubId,
  ExemptionClaim,
  LeaveMode,
  Offering,
  OfferingChoice,
  PickupPersonId,
  PlanText,
} from '@/api/types';
import type { ProblemMapping } from '@/lib/form-problem';

/** One offering on the apply form: ticked or not, and on which of its weekdays. */
export type OfferingChoiceValue = { selected?: boolean; weekdays?: number[] };

/** The apply form's values (also the edit form's), shared by its field components. */
export type ApplyValues = {
  /** Keyed by offering id. */
  choices: Record<string, OfferingChoiceValue>;
  leave_mode: LeaveMode;
  /** Who may collect the child (only sent when the child is picked up). */
  pickup_person_ids?: PickupPersonId[];
  claim_exemption: boolean;
  exemption_category?: string;
  exemption_note?: string;
  accept_agreement: boolean;
  /** Ranked: the first is the first choice. */
  club_choices: (ClubId | undefined)[];
};

/**
 * The form fields a problem+json can point at. Offering problems (a weekday not offered, a grade
 * not served) come without a form field: an alert shows them.
 */
export const APPLY_PROBLEMS: ProblemMapping = {
  fields: [
    'leave_mode',
    'pickup_person_ids',
    'exemption_category',
    'exemption_note',
    'accept_agreement',
    'club_choices',
  ],
  aliases: { 'exemption.category': 'exemption_category', 'exemption.note': 'exemption_note' },
};

/** A fresh apply form: nothing ticked yet (each offering on all its days once ticked), picked up. */
export function emptyValues(offerings: readonly Offering[]): ApplyValues {
  return {
    choices: Object.fromEntries(offerings.map((o) => [String(o.id), { selected: false, weekdays: o.weekdays }])),
    leave_mode: 'pickup',
    pickup_person_ids: [],
    claim_exemption: false,
    accept_agreement: false,
    club_choices: [],
  };
}

/** The edit form filled in from the application: its offerings and days, clubs by rank, leave mode, people, exemption. */
export function valuesFromApplication(application: Application, offerings: readonly Offering[]): ApplyValues {
  const empty = emptyValues(offerings);
  for (const applied of application.offerings) {
    if (applied.placement === 'left') continue;
    empty.choices[String(applied.offering_id)] = { selected: true, weekdays: [...applied.weekdays] };
  }
  return {
    ...empty,
    leave_mode: application.leave_mode,
    pickup_person_ids: [...application.pickup_person_ids],
    claim_exemption: application.exemption_category != null,
    exemption_category: application.exemption_category ?? undefined,
    exemption_note: application.exemption_note ?? undefined,
    club_choices: [...application.club_choices].sort((a, b) => a.rank - b.rank).map((c) => c.club_id),
  };
}

/** The ticked offerings with their days, in the plan's order. */
export function chosenOfferings(
  offerings: readonly Offering[],
  choices: ApplyValues['choices'] | undefined,
): OfferingChoice[] {
  return offerings.flatMap((o) => {
    const c = choices?.[String(o.id)];
    return c?.selected ? [{ offering_id: o.id, weekdays: c.weekdays ?? [] }] : [];
  });
}

/** The family's choices as the API takes them (both for a new application and an edit). */
export function choicesBody(offerings: readonly Offering[], values: ApplyValues) {
  const exemption: ExemptionClaim | null = values.claim_exemption
    ? { category: values.exemption_category ?? '', note: values.exemption_note?.trim() ?? '' }
    : null;
  return {
    offerings: chosenOfferings(offerings, values.choices),
    leave_mode: values.leave_mode,
    pickup_person_ids: values.leave_mode === 'pickup' ? (values.pickup_person_ids ?? []) : [],
    exemption,
    club_choices: (values.club_choices ?? []).filter((id): id is ClubId => id !== undefined),
  };
}

/**
 * An edit of the application. The agreement goes along only when a newer version must be
 * accepted (`agreement` given); otherwise the acceptance on record stands.
 */
export function editBody(offerings: readonly Offering[], values: ApplyValues, agreement?: PlanText): ApplicationEdit {
  const body: ApplicationEdit = choicesBody(offerings, values);
  return agreement ? { ...body, agreement_text_id: agreement.id, accept_agreement: values.accept_agreement } : body;
}

/** A draft or an application returned for changes: the family may change its choices. */
export function isEditable(application: Pick<Application, 'status'>): boolean {
  return application.status === 'draft' || application.status === 'returned_for_changes';
}

/** Whether the family accepted another version than the one now published (they must accept it). */
export function agreementChanged(application: Application, current: PlanText | undefined): boolean {
  return current !== undefined && application.acceptance.text_id !== current.id;
}
