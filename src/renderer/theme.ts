import { createTheme } from '@mantine/core';

/** Calm and legible: many of our users are older, so a slightly larger base size. */
export const theme = createTheme({
  primaryColor: 'teal',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif',
  defaultRadius: 'md',
  fontSizes: { xs: '13px', sm: '15px', md: '16px', lg: '18px', xl: '20px' },
});
