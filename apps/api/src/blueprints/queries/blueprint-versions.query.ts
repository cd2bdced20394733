import { Query } from '@nestjs/cqrs';
import type { BlueprintVersionCount } from '@crm/projections';

export interface BlueprintVersions {
  readonly id: string;
  readonly latestVersion: number;
  readonly versions: readonly BlueprintVersionCount[];
}

export class BlueprintVersionsQuery extends Query<BlueprintVersions> {
  constructor(readonly id: string) {
    super();
  }
}
