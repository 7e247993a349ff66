import type { ClubId, LeaveMode } from '@/api/types';

/** One offering on the apply form: ticked or not, and on which of its weekdays. */
export type OfferingChoiceValue = { selected?: boolean; weekdays?: number[] };

/** The apply form's values, shared by its field components. */
export type ApplyValues = {
  /** Keyed by offering id. */
  choices: Record<string, OfferingChoiceValue>;
  leave_mode: LeaveMode;
  claim_exemption: boolean;
  exemption_category?: string;
  exemption_note?: string;
  accept_agreement: boolean;
  /** Ranked: the first is the first choice. */
  club_choices: (ClubId | undefined)[];
};
