import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RecordListItem } from '../api/api-types';
import { useRecord } from '../record/useRecord';
import { useFormats } from '../shared/format';
import { QueryState } from '../shared/QueryState';
import { useAccountSubscriptions } from './useAccountSubscriptions';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The health score is on the subscription's own record (folded from its stream), not in the list. */
const HealthCell = ({ id }: { readonly id: string }) => {
  const formats = useFormats();
  const record = useRecord('subscription', id);
  const score = record.data?.score;
  return <>{score === undefined || score.lastActivityAt === null ? '—' : formats.number(score.score, 2)}</>;
};

const SubscriptionRow = ({ item }: { readonly item: RecordListItem }) => {
  const { t } = useTranslation();
  const formats = useFormats();
  const contractEnd = text(item.fields['contractEnd']);
  const renewal = text(item.fields['renewalOpportunity']);
  const amount = item.fields['termAmount'];
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/record/subscription/${encodeURIComponent(item.recordId)}`}>
          {item.recordId}
        </Anchor>
      </Table.Td>
      <Table.Td>{item.stage}</Table.Td>
      <Table.Td>{contractEnd === null ? '—' : formats.date(contractEnd)}</Table.Td>
      <Table.Td style={{ textAlign: 'right' }}>{typeof amount === 'number' ? formats.money(amount, text(item.fields['currency']) ?? undefined) : '—'}</Table.Td>
      <Table.Td style={{ textAlign: 'right' }}>
        <HealthCell id={item.recordId} />
      </Table.Td>
      <Table.Td>
        {renewal === null ? (
          '—'
        ) : (
          <Anchor component={Link} to={`/record/opportunity/${encodeURIComponent(renewal)}`}>
            {t('record.linkTo', { kind: t('kinds.opportunity'), id: renewal })}
          </Anchor>
        )}
      </Table.Td>
    </Table.Tr>
  );
};

/** An account's subscriptions: contract end, term, health score and the renewal opportunity of each. */
export const AccountSubscriptions = ({ accountId }: { readonly accountId: string }) => {
  const { t } = useTranslation();
  const subscriptions = useAccountSubscriptions(accountId);
  return (
    <section aria-label={t('account.subscriptions')}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('account.subscriptions')}
        </Title>
        <QueryState query={subscriptions}>
          {(items) =>
            items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('account.noSubscriptions')}
              </Text>
            ) : (
              <Table withTableBorder aria-label={t('account.subscriptions')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('account.subscription')}</Table.Th>
                    <Table.Th>{t('account.stage')}</Table.Th>
                    <Table.Th>{t('account.contractEnd')}</Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>{t('account.termAmount')}</Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>{t('account.health')}</Table.Th>
                    <Table.Th>{t('account.renewalOpportunity')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item) => (
                    <SubscriptionRow key={item.recordId} item={item} />
                  ))}
                </Table.Tbody>
              </Table>
            )
          }
        </QueryState>
      </Stack>
    </section>
  );
};
