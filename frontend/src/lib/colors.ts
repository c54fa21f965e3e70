// Filled colours that keep white text above 4.5:1 (WCAG AA). Mantine's
// green and orange at the theme's shade 8 sit near 3.5:1 under white text.

/** Filled green for "done / provided / sign" with white text (6.6:1). */
export const FILLED_GREEN = '#1e6b2e';
/** Filled orange for "missing / attention" with white text (7.2:1). */
export const FILLED_ORANGE = '#963a0b';
