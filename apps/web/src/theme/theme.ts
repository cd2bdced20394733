import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * The one scale of spacing and colour the app uses (Mantine's, set here): components take `gap="sm"`,
 * `c="dimmed"`, `color="stalled"`, never their own pixel values or hex codes.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 and a darker "dimmed": text and filled buttons keep WCAG AA contrast on white (axe: color-contrast).
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif',
  defaultRadius: 'sm',
  spacing: { xs: '4px', sm: '8px', md: '12px', lg: '16px', xl: '24px' },
  colors: {
    // Shade 6 (what filled badges use) is dark enough for white text to pass WCAG AA (axe: color-contrast).
    stalled: ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#f76707', '#b03d0c', '#9c360b', '#7f2c09', '#662307'],
  },
  components: {
    Badge: { defaultProps: { variant: 'light' } },
  },
});

/** Secondary text one shade darker than Mantine's default gray-6, which is below AA contrast on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});

/** Board geometry, shared by the columns and the virtualized card lists (which need fixed sizes). */
export const BOARD = { columnWidth: 280, cardHeight: 112, cardGap: 8 } as const;
