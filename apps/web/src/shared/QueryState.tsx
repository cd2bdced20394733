import { Alert, Center, Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRefusal } from '../api/api-refusal';

/** A query's data, or its loader, or what the API said when it refused. */
export const QueryState = <T,>({ query, children }: { readonly query: UseQueryResult<T>; readonly children: (data: T) => ReactNode }) => {
  const { t } = useTranslation();
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error !== null) {
    return (
      <Alert color="red" title={t('common.couldNotLoad')} role="alert">
        {query.error instanceof ApiRefusal ? query.error.body.message : String(query.error)}
      </Alert>
    );
  }
  return (
    <Center p="xl">
      <Loader role="status" aria-label={t('common.loading')} />
    </Center>
  );
};
