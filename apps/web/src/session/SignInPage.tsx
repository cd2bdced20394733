import { Alert, Badge, Button, Card, Container, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { fetchDemoSignIn, type DemoUser } from './session-api';
import { useSessionContext } from './SessionProvider';

const DemoUserCard = ({ user, onChoose }: { readonly user: DemoUser; readonly onChoose: (user: DemoUser) => void }) => {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Text fw={600}>{user.name}</Text>
        <Group gap="xs">
          {user.roles.map((role) => (
            <Badge key={role}>{t(`roles.${role}`, { defaultValue: role })}</Badge>
          ))}
          {user.team !== null && <Badge color="gray">{t('signIn.team', { team: user.team })}</Badge>}
        </Group>
        <Button onClick={() => onChoose(user)} aria-label={t('signIn.signInAs', { name: user.name })}>
          {t('signIn.signIn')}
        </Button>
      </Stack>
    </Card>
  );
};

const TokenForm = ({ onToken }: { readonly onToken: (token: string) => void }) => {
  const { t } = useTranslation();
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onToken(token.trim());
  };
  return (
    <form onSubmit={submit}>
      <Group align="end">
        <TextInput label={t('signIn.token')} description={t('signIn.tokenHint')} value={token} onChange={(event) => setToken(event.currentTarget.value)} style={{ flex: 1 }} />
        <Button type="submit" disabled={token.trim() === ''}>
          {t('signIn.signIn')}
        </Button>
      </Group>
    </form>
  );
};

/** Sign in with a bearer token: pasted, or one of the demo users' while the demo users file is in use. */
export const SignInPage = () => {
  const { t } = useTranslation();
  const { session, signIn } = useSessionContext();
  const navigate = useNavigate();
  const demo = useQuery({ queryKey: ['session', 'demo-users'], queryFn: fetchDemoSignIn });
  const [refused, setRefused] = useState<string | null>(null);
  if (session !== null) return <Navigate to="/board" replace />;

  const signInWith = (token: string) => {
    setRefused(null);
    signIn(token).then(
      () => navigate('/board'),
      (error: unknown) => setRefused(error instanceof Error ? error.message : String(error)),
    );
  };

  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Group justify="space-between">
          <Title order={1}>{t('signIn.title')}</Title>
          <LanguageSwitch />
        </Group>
        {refused !== null && (
          <Alert color="red" title={t('signIn.refused')}>
            {refused}
          </Alert>
        )}
        {demo.data?.demo === true && (
          <Stack gap="sm">
            <Title order={2} size="h3">
              {t('signIn.demoUsers')}
            </Title>
            <Text c="dimmed">{t('signIn.demoUsersHint')}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              {demo.data.users.map((user) => (
                <DemoUserCard key={user.id} user={user} onChoose={(chosen) => signInWith(chosen.token)} />
              ))}
            </SimpleGrid>
          </Stack>
        )}
        <TokenForm onToken={signInWith} />
      </Stack>
    </Container>
  );
};
