import { AppShell, Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useLiveState } from '../live/LiveUpdatesProvider';
import { hasRole, useSession, useSessionContext } from '../session/SessionProvider';
import classes from './AppLayout.module.css';

const LiveBadge = () => {
  const { t } = useTranslation();
  const state = useLiveState();
  return (
    <Badge color={state === 'live' ? 'teal' : 'gray'} variant="dot" aria-live="polite">
      {t(`app.live.${state}`)}
    </Badge>
  );
};

export const AppLayout = () => {
  const { t } = useTranslation();
  const session = useSession();
  const { signOut } = useSessionContext();
  const links = [
    { to: '/board', label: t('app.nav.board') },
    { to: '/my-work', label: t('app.nav.myWork') },
    { to: '/analytics', label: t('app.nav.analytics') },
    ...(hasRole(session, 'process_owner', 'admin') ? [{ to: '/process-blueprints', label: t('app.nav.blueprints') }] : []),
  ];
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Text fw={700}>{t('app.title')}</Text>
            <nav aria-label={t('app.nav.label')}>
              <Group gap="xs" wrap="nowrap">
                {links.map((link) => (
                  <NavLink key={link.to} to={link.to} className={classes.link}>
                    {link.label}
                  </NavLink>
                ))}
              </Group>
            </nav>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LiveBadge />
            <LanguageSwitch />
            <Text size="sm">{session.user.name}</Text>
            <Button variant="subtle" size="xs" onClick={signOut}>
              {t('app.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
};
