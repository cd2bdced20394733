import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../api/api-types';
import { useFormats } from '../shared/format';
import { approvalRequestsOf } from './approval-history';

/** Every approval the quote asked for, each step given, rejected or still to give, and those a change voided. */
export const QuoteApprovalHistory = ({ history }: { readonly history: readonly HistoryEntry[] }) => {
  const { t } = useTranslation();
  const formats = useFormats();
  const requests = approvalRequestsOf(history);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('quote.approvalHistory')}
      </Title>
      {requests.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('quote.noApprovals')}
        </Text>
      ) : (
        <Table withTableBorder aria-label={t('quote.approvalHistory')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('quote.approvalAsked')}</Table.Th>
              <Table.Th>{t('quote.approvalStep')}</Table.Th>
              <Table.Th>{t('quote.approvalDecision')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {requests.flatMap((request) =>
              request.steps.map((step, index) => (
                <Table.Tr key={`${request.approvalId}-${index}`}>
                  <Table.Td>
                    {index === 0 ? t('quote.approvalAskedBy', { event: request.event, user: request.requestedBy, when: formats.dateTime(request.requestedAt) }) : ''}
                    {index === 0 && request.invalidated !== null && (
                      <Badge ml="xs" color="gray">
                        {t('quote.approvalVoided', { reason: t(`quote.voidedReason.${request.invalidated.reason}`, { defaultValue: request.invalidated.reason }) })}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{step.title}</Table.Td>
                  <Table.Td>
                    {step.decision === 'none'
                      ? t(request.invalidated === null ? 'quote.decision.waiting' : 'quote.decision.notGiven')
                      : t(`quote.decision.${step.decision}`, { by: step.by ?? '?', note: step.note ?? '', when: step.at === null ? '' : formats.dateTime(step.at) })}
                  </Table.Td>
                </Table.Tr>
              )),
            )}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
};
