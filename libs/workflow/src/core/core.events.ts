import type { BlueprintRef, FieldValue, FieldValues } from '@crm/blueprint';

export interface RecordOpened {
  readonly type: 'RecordOpened';
  readonly data: {
    readonly recordId: string;
    readonly kind: string;
    readonly blueprint: BlueprintRef;
    readonly stage: string;
    readonly owner: string | null;
    readonly fields: FieldValues;
  };
}

export interface FieldChange {
  readonly from: FieldValue;
  readonly to: FieldValue;
}

export interface FieldsChanged {
  readonly type: 'FieldsChanged';
  readonly data: {
    readonly recordId: string;
    readonly changes: Readonly<Record<string, FieldChange>>;
  };
}

export type CoreEvent = RecordOpened | FieldsChanged;
