import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** A calm, readable theme for long working days. */
export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white button text and blue link text above 4.5:1 (WCAG AA).
  primaryShade: 8,
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600' },
  components: {
    Button: { defaultProps: { radius: 'md' } },
    // A badge says a status or a fact in a word or two: never cut it short.
    Badge: { styles: { root: { flexShrink: 0, maxWidth: 'none', overflow: 'visible' }, label: { overflow: 'visible' } } },
  },
});

const LIGHT_VARIANT_COLORS = ['blue', 'gray', 'red', 'orange', 'yellow', 'teal', 'cyan', 'violet', 'grape', 'indigo'];

/**
 * WCAG AA contrast (4.5:1): secondary text and the text of light variants
 * (badges, the active menu item, alerts) one or two shades darker than
 * Mantine's defaults, which sit near 3.3:1 on their backgrounds.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Error text (field messages, the required asterisk) at 4.5:1 on white.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-primary-color-light-color': 'var(--mantine-color-blue-9)',
    ...Object.fromEntries(
      LIGHT_VARIANT_COLORS.map((c) => [`--mantine-color-${c}-light-color`, `var(--mantine-color-${c}-9)`]),
    ),
    // Even green 9 is 4.0:1 on its light background.
    '--mantine-color-green-light-color': '#1e6b2e',
    // Orange 9 is 3.6:1 on its light background.
    '--mantine-color-orange-light-color': '#963a0b',
  },
  dark: {},
});
