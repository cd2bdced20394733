import { Query } from '@nestjs/cqrs';
import type { BlueprintDefinition, BlueprintRef } from '@crm/blueprint';

export interface BlueprintDetail {
  readonly ref: BlueprintRef;
  readonly definition: BlueprintDefinition;
  readonly versions: readonly BlueprintRef[];
  /** A Mermaid `stateDiagram-v2` of stages and transitions. */
  readonly diagram: string;
}

export class GetBlueprintQuery extends Query<BlueprintDetail> {
  constructor(
    readonly id: string,
    readonly version: number | undefined,
  ) {
    super();
  }
}
