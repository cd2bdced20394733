import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiRefusal } from '../api/api-refusal';
import { BlueprintPublisher } from './BlueprintPublisher';

const inMantine = (node: ReactNode) => render(<MantineProvider>{node}</MantineProvider>);

describe('publishing a blueprint draft', () => {
  it('given a valid draft, when Publish is pressed, then the draft is sent', async () => {
    const onPublish = vi.fn();
    inMantine(<BlueprintPublisher draftValid busy={false} published={null} error={null} onPublish={onPublish} />);
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    expect(onPublish).toHaveBeenCalledTimes(1);
  });

  it('given a draft with problems, then Publish cannot be pressed', () => {
    inMantine(<BlueprintPublisher draftValid={false} busy={false} published={null} error={null} onPublish={() => undefined} />);
    expect((screen.getByRole('button', { name: 'Publish' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('given the API published it, then the version published is named', () => {
    inMantine(<BlueprintPublisher draftValid busy={false} published={{ id: 'opportunity', version: 5 }} error={null} onPublish={() => undefined} />);
    expect(screen.getByRole('status').textContent).toContain('opportunity version 5 is published.');
  });

  it('given the API refused it, then its code, message and every problem with its path are shown', () => {
    const refusal = new ApiRefusal(400, {
      error: 'INVALID_BLUEPRINT',
      message: 'the blueprint has 2 problems',
      details: {
        problems: [
          { file: 'request body', path: 'version', message: 'version 4 is already published with other content' },
          { file: 'request body', path: '', message: 'the document is not a mapping' },
        ],
      },
    });
    inMantine(<BlueprintPublisher draftValid busy={false} published={null} error={refusal} onPublish={() => undefined} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('INVALID_BLUEPRINT: the blueprint has 2 problems');
    expect(alert.textContent).toContain('version: version 4 is already published with other content');
    expect(alert.textContent).toContain('(document): the document is not a mapping');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('given a role that may not publish, then the API’s refusal names the rule', () => {
    const refusal = new ApiRefusal(403, { error: 'FORBIDDEN', message: 'rita may not publish blueprints (rule blueprint.publish)', details: { rule: 'blueprint.publish' } });
    inMantine(<BlueprintPublisher draftValid busy={false} published={null} error={refusal} onPublish={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toContain('FORBIDDEN: rita may not publish blueprints');
  });
});
