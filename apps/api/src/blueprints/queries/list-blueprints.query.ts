import { Query } from '@nestjs/cqrs';
import type { BlueprintRef } from '@crm/blueprint';

export interface BlueprintSummary {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly latestVersion: number;
  readonly versions: readonly BlueprintRef[];
}

export class ListBlueprintsQuery extends Query<BlueprintSummary[]> {}
