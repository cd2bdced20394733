import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HistoryEntry, RecordView } from '../api/api-types';
import { useFormats } from '../shared/format';
import { PricedLinesTable } from '../quotes/PricedLinesTable';
import { copiedLinesOf, paymentsOf, settlementOf, type CopiedLines, type ReceivedPayment } from './order-facts';

/** The lines the record was opened with, as copied (or why none are shown). */
export const CopiedLinesPart = ({ copied }: { readonly copied: CopiedLines }) => {
  const { t } = useTranslation();
  const formats = useFormats();
  const money = (minor: number) => formats.minorMoney(minor, copied.currency, copied.minorDigits);
  return (
    <Stack gap="xs">
      <Text size="sm">
        {t('order.copiedFrom', { kind: t(`kinds.${copied.source.kind}`, { defaultValue: copied.source.kind }), revision: copied.source.revision })}{' '}
        <Anchor component={Link} to={`/record/${copied.source.kind}/${encodeURIComponent(copied.source.recordId)}`} size="sm">
          {copied.source.recordId}
        </Anchor>
      </Text>
      {copied.lineCount === 0 ? (
        <Text size="sm" c="dimmed">
          {t('order.noLinesCopied')}
        </Text>
      ) : copied.lines === null ? (
        <Text size="sm" c="dimmed">
          {t('order.linesUnknown', { count: copied.lineCount })}
        </Text>
      ) : (
        <PricedLinesTable lines={copied.lines} money={money} />
      )}
    </Stack>
  );
};

const PaymentsTable = ({ payments, money }: { readonly payments: readonly ReceivedPayment[]; readonly money: (minor: number) => string }) => {
  const { t } = useTranslation();
  const formats = useFormats();
  if (payments.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('order.noPayments')}
      </Text>
    );
  }
  return (
    <Table withTableBorder striped aria-label={t('order.payments')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('order.receivedAt')}</Table.Th>
          <Table.Th style={{ textAlign: 'right' }}>{t('order.amount')}</Table.Th>
          <Table.Th>{t('order.paymentId')}</Table.Th>
          <Table.Th style={{ textAlign: 'right' }}>{t('order.paidAfter')}</Table.Th>
          <Table.Th style={{ textAlign: 'right' }}>{t('order.balanceAfter')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {payments.map((payment) => (
          <Table.Tr key={payment.paymentId}>
            <Table.Td>{formats.dateTime(payment.receivedAt)}</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{money(payment.amountMinor)}</Table.Td>
            <Table.Td>
              <Text span ff="monospace" size="sm">
                {payment.paymentId}
              </Text>
            </Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{money(payment.paidMinor)}</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{money(payment.balanceMinor)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
};

/**
 * An order (README, Orders, payments and renewals): its stage, the lines copied from the accepted quote,
 * the payments received through the payments webhook, and what is paid and left, in the order's currency
 * and minor units as its events stored them.
 */
export const OrderSection = ({ record, history }: { readonly record: RecordView; readonly history: readonly HistoryEntry[] }) => {
  const { t } = useTranslation();
  const formats = useFormats();
  const copied = copiedLinesOf(history);
  const payments = paymentsOf(history);
  return (
    <section aria-label={t('order.title')}>
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={2} size="h4">
            {t('order.title')}
          </Title>
          <Badge variant="light">{t('order.stage', { stage: record.stageTitle })}</Badge>
        </Group>
        {copied === null ? (
          <Text c="dimmed">{t('order.notOpenedWithLines')}</Text>
        ) : (
          <>
            <CopiedLinesPart copied={copied} />
            <OrderMoney copied={copied} payments={payments} />
            <Title order={3} size="h5">
              {t('order.payments')}
            </Title>
            <PaymentsTable payments={payments} money={(minor) => formats.minorMoney(minor, copied.currency, copied.minorDigits)} />
          </>
        )}
      </Stack>
    </section>
  );
};

const OrderMoney = ({ copied, payments }: { readonly copied: CopiedLines; readonly payments: readonly ReceivedPayment[] }) => {
  const { t } = useTranslation();
  const formats = useFormats();
  const money = (minor: number) => formats.minorMoney(minor, copied.currency, copied.minorDigits);
  const { paidMinor, balanceMinor } = settlementOf(copied, payments);
  return (
    <Table withTableBorder aria-label={t('order.money')} style={{ maxWidth: 420 }}>
      <Table.Tbody>
        <Table.Tr>
          <Table.Th scope="row">{t('order.total')}</Table.Th>
          <Table.Td style={{ textAlign: 'right' }}>{money(copied.totalMinor)}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th scope="row">{t('order.paid')}</Table.Th>
          <Table.Td style={{ textAlign: 'right' }}>{money(paidMinor)}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th scope="row">{t('order.balance')}</Table.Th>
          <Table.Td style={{ textAlign: 'right', fontWeight: 700 }}>{money(balanceMinor)}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
};
