import { Stepper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BlueprintDefinition, RecordView } from '../api/api-types';

/** The lifecycle's open stages in order, with the record's place on it (a final stage shows as the last step). */
export const StagePath = ({ record, definition }: { readonly record: RecordView; readonly definition: BlueprintDefinition }) => {
  const { t } = useTranslation();
  const path = definition.stages.filter((stage) => !stage.final || stage.id === record.stage).sort((a, b) => a.order - b.order);
  const active = path.findIndex((stage) => stage.id === record.stage);
  return (
    <Stepper active={active} size="xs" allowNextStepsSelect={false} aria-label={t('record.stagePath')}>
      {path.map((stage) => (
        <Stepper.Step key={stage.id} label={stage.title} description={t('record.probability', { probability: stage.probability })} />
      ))}
    </Stepper>
  );
};
