/** A rep away from work between two moments (README, Assignment rules: absences). */
export interface Absence {
  readonly absenceId: string;
  readonly user: string;
  /** ISO-8601 date-times; the absence covers [from, to). */
  readonly from: string;
  readonly to: string;
  readonly reason: string;
}
