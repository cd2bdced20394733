import { Query } from '@nestjs/cqrs';
import type { MachineJson } from '@crm/blueprint';

export const EXPORT_FORMATS = ['xstate', 'mermaid'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface BlueprintExport {
  readonly format: ExportFormat;
  /** xstate: the machine config as JSON; mermaid: the diagram text. */
  readonly content: MachineJson | string;
}

export class ExportBlueprintQuery extends Query<BlueprintExport> {
  constructor(
    readonly id: string,
    readonly format: ExportFormat,
    readonly version: number | undefined,
  ) {
    super();
  }
}
