import { Query } from '@nestjs/cqrs';
import type { BlueprintDiff } from '@crm/blueprint';

export interface BlueprintDiffAnswer extends BlueprintDiff {
  /** The same diff for a person, one line per change (as `crm blueprint diff` prints it). */
  readonly text: string;
}

export class BlueprintDiffQuery extends Query<BlueprintDiffAnswer> {
  constructor(
    readonly id: string,
    readonly from: number,
    readonly to: number,
  ) {
    super();
  }
}
