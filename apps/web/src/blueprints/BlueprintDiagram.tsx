import { Alert, Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Renders Mermaid source to SVG (Mermaid loaded on first use; `strict` sanitizes labels). */
const renderMermaid = async (id: string, source: string): Promise<string> => {
  const { default: mermaid } = await import('mermaid');
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral' });
  return (await mermaid.render(id, source)).svg;
};

export const BlueprintDiagram = ({ source, label }: { readonly source: string; readonly label: string }) => {
  const { t } = useTranslation();
  const id = `diagram-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const svg = useQuery({ queryKey: ['mermaid', source], queryFn: () => renderMermaid(id, source), staleTime: Infinity });
  if (svg.error !== null) return <Alert color="red">{String(svg.error)}</Alert>;
  if (svg.data === undefined) {
    return (
      <Center p="md">
        <Loader size="sm" role="status" aria-label={t('common.loading')} />
      </Center>
    );
  }
  return <div role="img" aria-label={label} style={{ overflowX: 'auto' }} dangerouslySetInnerHTML={{ __html: svg.data }} />;
};
